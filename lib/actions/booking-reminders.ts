"use server";

import { z } from "zod";
import { updateReminders } from "../dal/booking-reminders";
import { readManageToken } from "../manage-cookie";
import { ReferenceSchema } from "../validation/fields";
import { defineAction, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

const RemindersSchema = z.object({ reference: ReferenceSchema, enabled: z.string().optional() });

/** Reminders off (or on) from the booking page; the manage cookie stands in for the NIK. Works without JS. */
export const updateRemindersAction = defineAction(
  { schema: RemindersSchema },
  async ({ reference, enabled }, { actor }): Promise<FormState | Redirect> => {
    const manageToken = (await readManageToken()) ?? "";
    await updateReminders(actor, { reference, manageToken, enabled: enabled === "1" });
    return { redirect: `/booking/${reference}/reminders` };
  },
);
