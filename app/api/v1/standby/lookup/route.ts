import { readJsonObject } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { withReferenceGuard } from "@/lib/limits/reference-guard";
import { limitSharedStandbyManage, limitStandbyManage } from "@/lib/limits/standby";
import { lookupStandby } from "@/lib/dal/standby";
import { LookupStandbySchema } from "@/lib/validation/standby";
import { parseInput } from "@/lib/validation/parse";

/** Reference + NIK → `waiting` (position), `offered` (session, deadline), `booked` (booking reference) or `expired`. */
export const POST = apiRoute("POST /api/v1/standby/lookup", async (request, { actor, t, ip }) => {
  await limitStandbyManage(ip);
  const input = parseInput(LookupStandbySchema, await readJsonObject(request));
  await limitSharedStandbyManage(ip);
  const status = await withReferenceGuard(input.reference, { ip, secondFactor: false }, () => lookupStandby(actor, input, { locale: t.locale }));
  return Response.json(status);
});
