"use server";

import { redirect } from "next/navigation";
import { citizen } from "../auth/actor";
import { createBooking } from "../dal/bookings";
import { limitCreateBooking, limitSharedCreateBooking } from "../api/limits";
import { getTranslator } from "../i18n/server";
import { rememberManage } from "../manage-cookie";
import { requestIp } from "../request-context";
import { CreateBookingFormSchema } from "../validation/booking";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

/** Values put back into the form after an error (never the consent tick: it must be given again). */
const ECHOED = ["nik", "name", "phone", "email"] as const;

/** The citizen's booking form: parse → book → remember that this browser may manage it → confirmation. */
export async function createBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let reference: string;
  try {
    const ip = await requestIp();
    await limitCreateBooking(ip);
    const input = parseInput(CreateBookingFormSchema, raw);
    await limitSharedCreateBooking(ip, input);
    const booking = await createBooking({ ...input, consent: input.consent }, { actor: citizen(ip), locale: t.locale });
    reference = booking.reference;
  } catch (error) {
    const values = Object.fromEntries(ECHOED.map((k) => [k, typeof raw[k] === "string" ? raw[k] : ""]));
    return toFormState(error, t, values);
  }
  await rememberManage(reference);
  redirect(`/booking/${reference}`);
}
