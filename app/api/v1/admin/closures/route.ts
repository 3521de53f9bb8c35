import { requireApiKey } from "@/lib/api/api-key";
import { readJsonObject } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { toApiScheduleChange } from "@/lib/api/schedule-json";
import { closeSchedule, reopenSchedule } from "@/lib/dal/schedule-changes";
import { parseInput } from "@/lib/validation/parse";
import { CloseScheduleSchema, ReopenScheduleSchema } from "@/lib/validation/schedule";

const POST_WHERE = "POST /api/v1/admin/closures";
const DELETE_WHERE = "DELETE /api/v1/admin/closures";

/** Closes a date or one session with a public reason (an `admin` key); bookings there need `onConflict`. */
export const POST = apiRoute(POST_WHERE, async (request, { ip }) => {
  const actor = await requireApiKey(request, "admin", { ip, where: POST_WHERE });
  const input = parseInput(CloseScheduleSchema, await readJsonObject(request));
  const result = await closeSchedule(actor, input);
  return Response.json(toApiScheduleChange(result, { reason: input.reason, reasonEn: input.reasonEn ?? null }), { status: 201 });
});

/** Reopens what POST closed: the same `{ office?, date, session? }`. */
export const DELETE = apiRoute(DELETE_WHERE, async (request, { ip }) => {
  const actor = await requireApiKey(request, "admin", { ip, where: DELETE_WHERE });
  const input = parseInput(ReopenScheduleSchema, await readJsonObject(request));
  const result = await reopenSchedule(actor, input);
  return Response.json(toApiScheduleChange(result, { reopened: true }));
});
