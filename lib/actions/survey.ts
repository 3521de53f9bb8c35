"use server";

import { redirect } from "next/navigation";
import { limitManageBooking, limitSharedManageBooking } from "../api/limits";
import { withReferenceGuard } from "../api/reference-guard";
import { citizen } from "../auth/actor";
import { submitSurvey } from "../dal/survey";
import { getTranslator } from "../i18n/server";
import { readManageToken } from "../manage-cookie";
import { requestIp } from "../request-context";
import { SurveySubmitSchema } from "../validation/survey";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

/** One SKM answer sheet; a wrong NIK counts against the reference like a failed look-up. */
export async function submitSurveyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  // Everything typed comes back on an error except the NIK, which is never echoed.
  const values = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "nik" && typeof v === "string")) as Record<string, string>;
  let reference: string;
  try {
    const ip = await requestIp();
    await limitManageBooking(ip);
    const input = parseInput(SurveySubmitSchema, raw);
    await limitSharedManageBooking(ip);
    reference = input.reference;
    const manageToken = await readManageToken();
    await withReferenceGuard(input.reference, { ip }, () => submitSurvey(citizen(ip), { ...input, manageToken }));
  } catch (error) {
    return toFormState(error, t, values);
  }
  redirect(`/booking/${reference}/survey?done=1`);
}
