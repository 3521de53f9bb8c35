"use server";

import { redirect } from "next/navigation";
import { citizen } from "../auth/actor";
import { limitRecoverBooking, limitSharedRecoverBooking } from "../api/limits";
import { recoverBooking } from "../dal/bookings";
import { getTranslator } from "../i18n/server";
import { rememberManage } from "../manage-cookie";
import { requestIp } from "../request-context";
import { RecoverBookingSchema } from "../validation/booking";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

/** NIK + phone → the booking's page, with this browser allowed to manage it (as after a look-up). */
export async function recoverBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let reference: string;
  try {
    const ip = await requestIp();
    await limitRecoverBooking(ip);
    const input = parseInput(RecoverBookingSchema, raw);
    await limitSharedRecoverBooking(ip);
    reference = (await recoverBooking(input, { actor: citizen(ip), locale: t.locale })).reference;
  } catch (error) {
    // The phone is put back; the NIK is typed again, as on the look-up form.
    return toFormState(error, t, { phone: typeof raw.phone === "string" ? raw.phone : "" });
  }
  await rememberManage(reference);
  redirect(`/booking/${reference}`);
}
