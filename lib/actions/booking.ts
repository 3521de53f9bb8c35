"use server";

import { redirect } from "next/navigation";
import { citizen } from "../auth/actor";
import { createBooking } from "../dal/bookings";
import { DEFAULT_OFFICE_SLUG } from "../dal/offices";
import { limitCreateBooking, limitPersonCreateBooking } from "../api/limits";
import { getTranslator } from "../i18n/server";
import type { Translator } from "../i18n/translate";
import { rememberManage } from "../manage-cookie";
import { checkFormPow, isSpentWaitToken, spendBookingPow, type PowWait } from "../pow/gate";
import { createWaitToken, waitSeconds } from "../pow/wait-token";
import { requestIp } from "../request-context";
import { CreateBookingFormSchema } from "../validation/booking";
import { formDataToObject, parseInput } from "../validation/parse";
import { bookingFormValues } from "../validation/booking-form-values";
import { toFormState, type FormState } from "./form-state";

/** Office time of day with seconds, for "press the button after 10.15.30". */
function clockTime(at: Date, t: Translator): string {
  return new Intl.DateTimeFormat(t.locale === "id" ? "id-ID" : "en-GB", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(at);
}

function waitState(wait: PowWait, t: Translator, values: Record<string, string>): FormState {
  const message = t("pow.wait.body", { seconds: waitSeconds(), time: clockTime(wait.readyAt, t) });
  return { status: "error", code: "wait", message, values, wait: { token: wait.token, readyAt: wait.readyAt.toISOString() } };
}

/**
 * The citizen's booking form: parse → proof of work (the widget's solution, or without JavaScript a short
 * signed wait) → limits → book → remember that this browser may manage it → confirmation.
 */
export async function createBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let reference: string;
  try {
    const ip = await requestIp();
    const input = parseInput(CreateBookingFormSchema, raw);
    const pow = await checkFormPow(raw, input.office ?? DEFAULT_OFFICE_SLUG);
    if ("wait" in pow) return waitState(pow.wait, t, bookingFormValues(raw));
    const booking = await createBooking(
      { ...input, consent: input.consent },
      {
        actor: citizen(ip),
        locale: t.locale,
        // Once every check answered from memory has passed: the address's (or the date's shared) allowance,
        // the person's, then the proof of work is spent.
        beforeWrite: async () => {
          await limitCreateBooking(ip, input);
          await limitPersonCreateBooking(input);
          await spendBookingPow(pow.proof);
        },
      },
    );
    reference = booking.reference;
  } catch (error) {
    if (isSpentWaitToken(error, raw)) return waitState(createWaitToken(String(raw.office ?? DEFAULT_OFFICE_SLUG)), t, bookingFormValues(raw));
    return toFormState(error, t, bookingFormValues(raw));
  }
  await rememberManage(reference);
  redirect(`/booking/${reference}`);
}
