import { readJsonObject } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { toApiLotteryEntry } from "@/lib/api/lottery-json";
import { limitManageBooking, limitSharedManageBooking } from "@/lib/limits/booking";
import { withReferenceGuard } from "@/lib/limits/reference-guard";
import { lookupLotteryEntry } from "@/lib/dal/lottery/entries";
import { LookupBookingSchema } from "@/lib/validation/booking";
import { parseInput } from "@/lib/validation/parse";

/**
 * Reference + NIK → the lottery entry and its result (`entered`, `drawn` with the booking's reference,
 * `not_drawn`); an unknown reference and a wrong NIK get the same 404, under the booking look-up's limits.
 */
export const POST = apiRoute("POST /api/v1/lottery/lookup", async (request, { t, ip, actor }) => {
  await limitManageBooking(ip);
  const input = parseInput(LookupBookingSchema, await readJsonObject(request));
  await limitSharedManageBooking(ip);
  const entry = await withReferenceGuard(input.reference, { ip, phoneLast4: input.phoneLast4 }, () => lookupLotteryEntry(actor, input, { locale: t.locale }));
  return Response.json(toApiLotteryEntry(entry));
});
