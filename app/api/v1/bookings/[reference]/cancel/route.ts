import { readJsonObject } from "@/lib/api/body";
import { toApiBooking } from "@/lib/api/booking-json";
import { apiRoute } from "@/lib/api/handler";
import { limitManageBooking, limitSharedManageBooking } from "@/lib/limits/booking";
import { withReferenceGuard } from "@/lib/limits/reference-guard";
import { cancelBooking } from "@/lib/dal/bookings";
import { LookupBookingSchema } from "@/lib/validation/booking";
import { parseInput } from "@/lib/validation/parse";

type Context = { params: Promise<{ reference: string }> };

/**
 * Cancels a booking that has not been checked in; its place returns to sale after the re-release delay.
 * The body proves the booking exactly as a look-up does (the NIK, and the phone digits once asked for), so it is the same schema.
 */
export const POST = apiRoute("POST /api/v1/bookings/{reference}/cancel", async (request, { t, ip, actor }, { params }: Context) => {
  await limitManageBooking(ip);
  const { reference } = await params;
  const input = parseInput(LookupBookingSchema, { ...(await readJsonObject(request)), reference });
  await limitSharedManageBooking(ip);
  const booking = await withReferenceGuard(input.reference, { ip, phoneLast4: input.phoneLast4 }, () => cancelBooking(actor, input, { locale: t.locale }));
  return Response.json(toApiBooking(booking));
});
