import { requireApiKey } from "@/lib/api/api-key";
import { readJsonObject } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { toApiScheduleChange } from "@/lib/api/schedule-json";
import { setScheduleCapacity } from "@/lib/dal/schedule-changes";
import { parseInput } from "@/lib/validation/parse";
import { SetCapacitySchema } from "@/lib/validation/schedule";

const WHERE = "PUT /api/v1/admin/capacity";

/** A date's (or one session's) own capacity; below what is booked → 409 `below_booked` unless `onConflict`. */
export const PUT = apiRoute(WHERE, async (request, { ip }) => {
  const actor = await requireApiKey(request, "admin", { ip, where: WHERE });
  const input = parseInput(SetCapacitySchema, await readJsonObject(request));
  const result = await setScheduleCapacity(actor, input);
  return Response.json(toApiScheduleChange(result, { capacity: input.capacity }));
});
