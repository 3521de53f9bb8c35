import { readJsonObject } from "@/lib/api/body";
import { toApiBooking } from "@/lib/api/booking-json";
import { apiRoute } from "@/lib/api/handler";
import { limitManageBooking, limitSharedManageBooking } from "@/lib/limits/booking";
import { withReferenceGuard } from "@/lib/limits/reference-guard";
import { lookupBooking } from "@/lib/dal/bookings";
import { LookupBookingSchema } from "@/lib/validation/booking";
import { parseInput } from "@/lib/validation/parse";

/** Reference + NIK → the booking; an unknown reference and a wrong NIK get the same 404. */
export const POST = apiRoute("POST /api/v1/bookings/lookup", async (request, { t, ip, actor }) => {
  await limitManageBooking(ip);
  const input = parseInput(LookupBookingSchema, await readJsonObject(request));
  await limitSharedManageBooking(ip);
  const booking = await withReferenceGuard(input.reference, { ip, phoneLast4: input.phoneLast4 }, () => lookupBooking(actor, input, { locale: t.locale }));
  return Response.json(toApiBooking(booking));
});
