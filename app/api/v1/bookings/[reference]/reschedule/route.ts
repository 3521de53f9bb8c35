import { readJsonObject } from "@/lib/api/body";
import { toApiBooking } from "@/lib/api/booking-json";
import { apiRoute } from "@/lib/api/handler";
import { limitManageBooking, limitSharedManageBooking } from "@/lib/limits/booking";
import { withReferenceGuard } from "@/lib/limits/reference-guard";
import { rescheduleBooking } from "@/lib/dal/bookings";
import { RescheduleBookingSchema } from "@/lib/validation/booking";
import { ReferenceSchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

type Context = { params: Promise<{ reference: string }> };

const ApiRescheduleSchema = RescheduleBookingSchema.extend({ reference: ReferenceSchema });

/** Moves a booking to another date or session atomically: never two bookings, never none. */
export const POST = apiRoute("POST /api/v1/bookings/{reference}/reschedule", async (request, { t, ip, actor }, { params }: Context) => {
  await limitManageBooking(ip);
  const { reference } = await params;
  const input = parseInput(ApiRescheduleSchema, { ...(await readJsonObject(request)), reference });
  await limitSharedManageBooking(ip);
  const booking = await withReferenceGuard(input.reference, { ip, phoneLast4: input.phoneLast4 }, () => rescheduleBooking(actor, input, { locale: t.locale }));
  return Response.json(toApiBooking(booking));
});
