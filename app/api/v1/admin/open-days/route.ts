import { requireApiKey } from "@/lib/api/api-key";
import { readJsonObject } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { toApiScheduleChange } from "@/lib/api/schedule-json";
import { openScheduleDay } from "@/lib/dal/schedule-changes";
import { parseInput } from "@/lib/validation/parse";
import { OpenDaySchema } from "@/lib/validation/schedule";

const WHERE = "POST /api/v1/admin/open-days";

/** A special opening day (e.g. Layanan Sabtu) with its own daily cap and public name. */
export const POST = apiRoute(WHERE, async (request, { ip }) => {
  const actor = await requireApiKey(request, "admin", { ip, where: WHERE });
  const input = parseInput(OpenDaySchema, await readJsonObject(request));
  const result = await openScheduleDay(actor, input);
  const { session: _session, ...body } = toApiScheduleChange(result, { dailyCap: input.dailyCap, reason: input.reason, reasonEn: input.reasonEn ?? null });
  return Response.json(body, { status: 201 });
});
