"use server";

import { redirect } from "next/navigation";
import { citizen } from "../auth/actor";
import { updateReminders } from "../dal/booking-reminders";
import { getTranslator } from "../i18n/server";
import { readManageToken } from "../manage-cookie";
import { requestIp } from "../request-context";
import { ReferenceSchema } from "../validation/fields";
import { parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

/** Reminders off (or on) from the booking page; the manage cookie stands in for the NIK. Works without JS. */
export async function updateRemindersAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  let reference: string;
  try {
    reference = parseInput(ReferenceSchema, formData.get("reference"));
    const manageToken = (await readManageToken()) ?? "";
    await updateReminders({ reference, manageToken, enabled: formData.get("enabled") === "1" }, { actor: citizen(await requestIp()) });
  } catch (error) {
    return toFormState(error, t, {});
  }
  redirect(`/booking/${reference}/reminders`);
}
