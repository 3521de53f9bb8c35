"use server";

import { redirect } from "next/navigation";
import { requireStaffAction } from "../auth/session";
import { declareOutage, liftOutage } from "../dal/outages";
import { getTranslator } from "../i18n/server";
import { OutageFormSchema, OutageIdSchema } from "../validation/outage";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

/** The outage switch from the staff portal (supervisor, admin): the DAL checks the permission and audits. */
export async function declareOutageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let count: number;
  try {
    const actor = await requireStaffAction("outage.manage");
    const input = parseInput(OutageFormSchema, raw);
    count = (await declareOutage(input, { actor })).affected.length;
  } catch (error) {
    const values = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"));
    return toFormState(error, t, values);
  }
  redirect(`/staff/outages?declared=${count}`);
}

export async function liftOutageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  try {
    const actor = await requireStaffAction("outage.manage");
    const { outageId } = parseInput(OutageIdSchema, formDataToObject(formData));
    await liftOutage(outageId, { actor });
  } catch (error) {
    return toFormState(error, t, {});
  }
  redirect("/staff/outages?lifted=1");
}
