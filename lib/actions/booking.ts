"use server";

import { createBooking } from "../dal/bookings";
import { limitCreateBooking, limitSharedCreateBooking } from "../api/limits";
import { rememberManage } from "../manage-cookie";
import { CreateBookingFormSchema } from "../validation/booking";
import { bookingFormValues } from "../validation/booking-form-values";
import { defineAction, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

/** The citizen's booking form: parse → book → remember that this browser may manage it → confirmation. */
export const createBookingAction = defineAction(
  { schema: CreateBookingFormSchema, limit: limitCreateBooking, echo: bookingFormValues },
  async (input, { actor, ip, t }): Promise<FormState | Redirect> => {
    await limitSharedCreateBooking(ip, input);
    const booking = await createBooking({ ...input, consent: input.consent }, { actor, locale: t.locale });
    await rememberManage(booking.reference);
    return { redirect: `/booking/${booking.reference}` };
  },
);
