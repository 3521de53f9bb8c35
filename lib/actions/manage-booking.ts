"use server";

import { z } from "zod";
import { cancelBooking, lookupBooking, rescheduleBooking } from "../dal/bookings";
import { limitManageBooking, limitSharedManageBooking } from "../limits/booking";
import { withReferenceGuard } from "../limits/reference-guard";
import { AppError, isAppError } from "../errors";
import { lookupLotteryEntry } from "../dal/lottery/entries";
import { readManageToken, rememberManage } from "../manage-cookie";
import { parseSlot } from "../slot";
import { LookupBookingSchema } from "../validation/booking";
import { ReferenceSchema } from "../validation/fields";
import { defineAction, type RawForm, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

const ByReference = z.object({ reference: ReferenceSchema });

/** The phone digits field stays once it was asked for; its value is not echoed. */
const lookupValues = (raw: RawForm) => ({
  reference: typeof raw.reference === "string" ? raw.reference : "",
  ...(typeof raw.phoneLast4 === "string" ? { phoneLast4: "asked" } : {}),
});

/**
 * Reference + NIK → the confirmation page with the change/cancel buttons, or for a lottery entry's code its
 * page with the draw's result (issue 9). Rate-limited against guessing; one 404 for both kinds of code.
 */
export const lookupBookingAction = defineAction(
  { schema: LookupBookingSchema, limit: limitManageBooking, echo: lookupValues },
  async (input, { actor, ip, t }): Promise<FormState | Redirect> => {
    await limitSharedManageBooking(ip);
    const found = await withReferenceGuard(input.reference, { ip, phoneLast4: input.phoneLast4 }, async () => {
      try {
        return { kind: "booking" as const, reference: (await lookupBooking(actor, input, { locale: t.locale })).reference };
      } catch (error) {
        if (!isAppError(error) || error.code !== "not_found") throw error;
        return { kind: "lottery" as const, reference: (await lookupLotteryEntry(actor, input, { locale: t.locale })).reference };
      }
    });
    if (found.kind === "lottery") return { redirect: `/lottery/${found.reference}` };
    await rememberManage(found.reference);
    return { redirect: `/booking/${found.reference}` };
  },
);

/** Moves the booking to the chosen slot; the manage cookie stands in for the NIK. */
export const rescheduleBookingAction = defineAction(
  { schema: ByReference },
  async ({ reference }, { actor, raw, t }): Promise<FormState | Redirect> => {
    const slot = parseSlot(raw.slot);
    if (!slot) throw new AppError("validation", "slots.required", { fields: { slot: ["slots.required"] } });
    const manageToken = (await readManageToken()) ?? "";
    await rescheduleBooking(actor, { reference, manageToken, ...slot }, { locale: t.locale });
    return { redirect: `/booking/${reference}?done=rescheduled` };
  },
);

export const cancelBookingAction = defineAction(
  { schema: ByReference },
  async ({ reference }, { actor, t }): Promise<FormState | Redirect> => {
    const manageToken = (await readManageToken()) ?? "";
    await cancelBooking(actor, { reference, manageToken }, { locale: t.locale });
    return { redirect: `/booking/${reference}` };
  },
);
