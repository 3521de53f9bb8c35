"use server";

import { redirect } from "next/navigation";
import { citizen } from "../auth/actor";
import { cancelBooking, lookupBooking, rescheduleBooking } from "../dal/bookings";
import { limitManageBooking, limitSharedManageBooking } from "../api/limits";
import { withReferenceGuard } from "../api/reference-guard";
import { AppError } from "../errors";
import { getTranslator } from "../i18n/server";
import { readManageToken, rememberManage } from "../manage-cookie";
import { requestIp } from "../request-context";
import { parseSlot } from "../slot";
import { LookupBookingSchema } from "../validation/booking";
import { ReferenceSchema } from "../validation/fields";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

/** Reference + NIK → the confirmation page with the change/cancel buttons. Rate-limited against guessing. */
export async function lookupBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let reference: string;
  try {
    const ip = await requestIp();
    await limitManageBooking(ip);
    const input = parseInput(LookupBookingSchema, raw);
    await limitSharedManageBooking(ip);
    reference = (await withReferenceGuard(input.reference, { ip, phoneLast4: input.phoneLast4 }, () => lookupBooking(input, { actor: citizen(ip), locale: t.locale }))).reference;
  } catch (error) {
    // The phone digits field stays once it was asked for; its value is not echoed.
    const asked = typeof raw.phoneLast4 === "string" ? "asked" : "";
    return toFormState(error, t, { reference: typeof raw.reference === "string" ? raw.reference : "", ...(asked ? { phoneLast4: asked } : {}) });
  }
  await rememberManage(reference);
  redirect(`/booking/${reference}`);
}

/** Moves the booking to the chosen slot; the manage cookie stands in for the NIK. */
export async function rescheduleBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let reference: string;
  try {
    reference = parseInput(ReferenceSchema, raw.reference);
    const slot = parseSlot(raw.slot);
    if (!slot) throw new AppError("validation", "slots.required", { fields: { slot: ["slots.required"] } });
    const manageToken = (await readManageToken()) ?? "";
    await rescheduleBooking({ reference, manageToken, ...slot }, { actor: citizen(await requestIp()), locale: t.locale });
  } catch (error) {
    return toFormState(error, t, {});
  }
  redirect(`/booking/${reference}?done=rescheduled`);
}

export async function cancelBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  let reference: string;
  try {
    reference = parseInput(ReferenceSchema, formData.get("reference"));
    const manageToken = (await readManageToken()) ?? "";
    await cancelBooking({ reference, manageToken }, { actor: citizen(await requestIp()), locale: t.locale });
  } catch (error) {
    return toFormState(error, t, {});
  }
  redirect(`/booking/${reference}`);
}
