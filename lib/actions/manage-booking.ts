"use server";

import { z } from "zod";
import { cancelBooking, lookupBooking, rescheduleBooking } from "../dal/bookings";
import { limitManageBooking, limitSharedManageBooking } from "../limits/booking";
import { withReferenceGuard } from "../limits/reference-guard";
import { AppError } from "../errors";
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

/** Reference + NIK → the confirmation page with the change/cancel buttons. Rate-limited against guessing. */
export const lookupBookingAction = defineAction(
  { schema: LookupBookingSchema, limit: limitManageBooking, echo: lookupValues },
  async (input, { actor, ip, t }): Promise<FormState | Redirect> => {
    await limitSharedManageBooking(ip);
    const { reference } = await withReferenceGuard(input.reference, { ip, phoneLast4: input.phoneLast4 }, () => lookupBooking(actor, input, { locale: t.locale }));
    await rememberManage(reference);
    return { redirect: `/booking/${reference}` };
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
