import { readJsonObject } from "@/lib/api/body";
import { toApiBooking } from "@/lib/api/booking-json";
import { apiRoute } from "@/lib/api/handler";
import { limitRecoverBooking, limitSharedRecoverBooking } from "@/lib/limits/booking";
import { recoverBooking } from "@/lib/dal/bookings";
import { RecoverBookingSchema } from "@/lib/validation/booking";
import { parseInput } from "@/lib/validation/parse";

/** NIK + phone → the nearest active booking; every mistake gets the same 404. */
export const POST = apiRoute("POST /api/v1/bookings/recover", async (request, { t, ip, actor }) => {
  await limitRecoverBooking(ip);
  const input = parseInput(RecoverBookingSchema, await readJsonObject(request));
  await limitSharedRecoverBooking(ip);
  const booking = await recoverBooking(actor, input, { locale: t.locale });
  return Response.json(toApiBooking(booking));
});
