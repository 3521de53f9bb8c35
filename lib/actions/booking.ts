"use server";

import { redirect } from "next/navigation";
import { citizen } from "../auth/actor";
import { createBooking } from "../dal/bookings";
import { limitCreateBooking } from "../api/limits";
import { getTranslator } from "../i18n/server";
import { rememberManage } from "../manage-cookie";
import { requestIp } from "../request-context";
import { CreateBookingFormSchema } from "../validation/booking";
import { formDataToObject, parseInput } from "../validation/parse";
import { bookingFormValues } from "../validation/booking-form-values";
import { toFormState, type FormState } from "./form-state";

/** The citizen's booking form: parse → book → remember that this browser may manage it → confirmation. */
export async function createBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let reference: string;
  try {
    const ip = await requestIp();
    const input = parseInput(CreateBookingFormSchema, raw);
    const booking = await createBooking(
      { ...input, consent: input.consent },
      { actor: citizen(ip), locale: t.locale, beforeWrite: () => limitCreateBooking(ip, input) },
    );
    reference = booking.reference;
  } catch (error) {
    return toFormState(error, t, bookingFormValues(raw));
  }
  await rememberManage(reference);
  redirect(`/booking/${reference}`);
}
