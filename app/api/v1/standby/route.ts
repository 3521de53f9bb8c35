import { readJsonObject } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { limitJoinStandby, limitSharedJoinStandby } from "@/lib/limits/standby";
import { joinStandby } from "@/lib/dal/standby";
import { JoinStandbySchema } from "@/lib/validation/standby";
import { parseInput } from "@/lib/validation/parse";

/**
 * Joins the standby list of a full date: 201 `{ reference, position }`; 409 `duplicate` for the same NIK
 * and date, `not_full` when the date (or session) can still be booked, `closed` when it cannot be at all.
 */
export const POST = apiRoute("POST /api/v1/standby", async (request, { t, ip, actor }) => {
  await limitJoinStandby(ip);
  const input = parseInput(JoinStandbySchema, await readJsonObject(request));
  await limitSharedJoinStandby(ip, input);
  const joined = await joinStandby(actor, input, { locale: t.locale });
  return Response.json(joined, { status: 201 });
});
