"use server";

import { cookies } from "next/headers";
import { COOKIE_NAMES } from "../cookies";
import { submitBooking } from "../dal/lottery/submit";
import { DEFAULT_OFFICE_SLUG, findOffice } from "../dal/offices";
import type { Actor } from "../auth/actor";
import { recoverBooking } from "../dal/booking-recovery";
import { isAppError } from "../errors";
import { createBookingAllowances, limitRecoverBooking, limitSharedRecoverBooking } from "../limits/booking";
import type { Translator } from "../i18n/translate";
import { rememberManage } from "../manage-cookie";
import { checkFormPow, isSpentWaitToken, spendBookingPow, type PowWait } from "../pow/gate";
import { WAIT_COOKIE_PATH } from "../pow/wait-cookie";
import { createWaitToken, waitSeconds } from "../pow/wait-token";
import { CreateBookingFormSchema } from "../validation/booking";
import { bookingFormValues } from "../validation/booking-form-values";
import { defineAction, type Redirect } from "./define-action";
import type { FormState } from "./form-state";
import { intlLocale } from "../format";

/** The office's time of day with seconds, for "press the button after 10.15.30" (an unknown office: Jakarta's). */
async function clockTime(at: Date, officeSlug: string, t: Translator): Promise<string> {
  const timeZone = (await findOffice(officeSlug))?.timezone ?? "Asia/Jakarta";
  return new Intl.DateTimeFormat(intlLocale(t.locale), { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(at);
}

async function waitState(wait: PowWait, officeSlug: string, t: Translator, values: Record<string, string>): Promise<FormState> {
  const message = t("pow.wait.body", { seconds: waitSeconds(), time: await clockTime(wait.readyAt, officeSlug, t) });
  return { status: "error", code: "wait", message, values, wait: { token: wait.token, readyAt: wait.readyAt.toISOString() } };
}

/**
 * The citizen's booking form: parse → proof of work (the widget's solution, or without JavaScript a short
 * signed wait) → limits → book → remember that this browser may manage it → confirmation.
 */
export const createBookingAction = defineAction(
  { schema: CreateBookingFormSchema, echo: bookingFormValues },
  async (input, { actor, ip, t, raw }): Promise<FormState | Redirect> => {
    const jar = await cookies();
    // The wait proxy.ts started when the details page was loaded (lib/pow/wait-cookie.ts).
    const pageToken = jar.get(COOKIE_NAMES.powWait)?.value;
    try {
      const pow = await checkFormPow(raw, input.office ?? DEFAULT_OFFICE_SLUG, new Date(), pageToken);
      if ("wait" in pow) return waitState(pow.wait, input.office ?? DEFAULT_OFFICE_SLUG, t, bookingFormValues(raw));
      const outcome = await submitBooking(
        actor,
        { ...input, consent: input.consent },
        {
          locale: t.locale,
          // The address's (or the date's shared) allowance and the person's, counted by the booking statement;
          // the proof of work is spent just before it, once every check answered from memory has passed.
          allowances: createBookingAllowances(ip, input),
          beforeWrite: () => spendBookingPow(pow.proof),
        },
      );
      // The wait is spent either way: an entry or a booking was written.
      if (pageToken) jar.delete({ name: COOKIE_NAMES.powWait, path: WAIT_COOKIE_PATH });
      // Inside a date's lottery window the request is an entry (issue 9): its page shows the draw's result.
      if (outcome.kind === "lottery") return { redirect: `/lottery/${outcome.entry.reference}` };
      await rememberManage(outcome.booking.reference);
      return { redirect: `/booking/${outcome.booking.reference}` };
    } catch (error) {
      if (isSpentWaitToken(error, raw, pageToken)) return waitState(createWaitToken(String(raw.office ?? DEFAULT_OFFICE_SLUG)), input.office ?? DEFAULT_OFFICE_SLUG, t, bookingFormValues(raw));
      const mine = isAppError(error) && error.code === "duplicate" ? await ownBookingThatDay(actor, ip, input, t) : null;
      if (!mine) throw error;
      if (pageToken) jar.delete({ name: COOKIE_NAMES.powWait, path: WAIT_COOKIE_PATH });
      await rememberManage(mine);
      return { redirect: `/booking/${mine}?done=already` };
    }
  },
);

/**
 * "Already booked that day" with the NIK and the phone number of that very booking is nearly always the
 * same person sending the form twice (a double tap, the back button, a slow first answer the phone gave up
 * on): they get their booking instead of an error, as the recovery form (NIK + phone) would give it — and
 * counted against the recovery's allowance, so it finds nothing a person could not find there. Anything
 * else (another phone, the allowance used up, a lottery entry) keeps the 409.
 */
async function ownBookingThatDay(actor: Actor, ip: string, input: { nik: string; phone: string; date: string }, t: Translator): Promise<string | null> {
  try {
    await limitRecoverBooking(ip);
    await limitSharedRecoverBooking(ip);
    return (await recoverBooking(actor, { nik: input.nik, phone: input.phone, date: input.date }, { locale: t.locale })).reference;
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}
