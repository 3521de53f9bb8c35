import { z } from "zod";
import { readJsonObject } from "@/lib/api/body";
import { toApiBooking } from "@/lib/api/booking-json";
import { apiRoute } from "@/lib/api/handler";
import { limitCreateBooking } from "@/lib/api/limits";
import { createBooking } from "@/lib/dal/bookings";
import { CreateBookingSchema } from "@/lib/validation/booking";
import { parseInput } from "@/lib/validation/parse";

/** Integrations may record that the person agreed to the use of their data, as the web form does. */
const ApiCreateBookingSchema = CreateBookingSchema.extend({ consent: z.boolean().optional() });

/** Books a visit: 201 with the booking, 422 for bad input, 409 when the rules say no. */
export const POST = apiRoute("POST /api/v1/bookings", async (request, { t, ip, actor }) => {
  const input = parseInput(ApiCreateBookingSchema, await readJsonObject(request));
  const booking = await createBooking(input, { actor, locale: t.locale, beforeWrite: () => limitCreateBooking(ip, input) });
  return Response.json(toApiBooking(booking), { status: 201 });
});
