"use server";

import { limitRecoverBooking, limitSharedRecoverBooking } from "../limits/booking";
import { recoverBooking } from "../dal/bookings";
import { rememberManage } from "../manage-cookie";
import { RecoverBookingSchema } from "../validation/booking";
import { defineAction, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

/**
 * NIK + phone → the booking's page, with this browser allowed to manage it (as after a look-up). On an
 * error the phone is put back; the NIK is typed again, as on the look-up form.
 */
export const recoverBookingAction = defineAction(
  { schema: RecoverBookingSchema, limit: limitRecoverBooking, echo: ["phone"] },
  async (input, { actor, ip, t }): Promise<FormState | Redirect> => {
    await limitSharedRecoverBooking(ip);
    const { reference } = await recoverBooking(actor, input, { locale: t.locale });
    await rememberManage(reference);
    return { redirect: `/booking/${reference}` };
  },
);
