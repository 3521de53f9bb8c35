"use server";

import { z } from "zod";
import { getDeviceActor } from "../auth/device-session";
import { getKioskSurveyVisit, recordKioskSurvey, type KioskSurveyVisit } from "../dal/kiosk-survey";
import { AppError } from "../errors";
import { getTranslator } from "../i18n/server";
import { createTranslator, isLocale } from "../i18n/translate";
import { SurveyAnswersSchema } from "../validation/survey";
import { ReferenceSchema } from "../validation/fields";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

/** Where the kiosk's survey stands: asking for the code, asking the questions, or thanking. */
export type KioskSurveyState = Omit<FormState, "status"> & { status: "idle" | "error" | "questions" | "thanks"; visit?: KioskSurveyVisit };

const FindSchema = z.object({ reference: ReferenceSchema });
const AnswerSchema = SurveyAnswersSchema.pick({ u1: true, u2: true, u3: true, u4: true, u5: true, u6: true, u7: true, u8: true, u9: true }).extend({ reference: ReferenceSchema });

/**
 * Both steps of the kiosk's survey, as plain form posts (so it works before JavaScript loads): `step=find`
 * checks the code, `step=answer` records the nine answers. The profile and comment are skipped at a kiosk.
 */
export async function kioskSurveyAction(_prev: KioskSurveyState, formData: FormData): Promise<KioskSurveyState> {
  const raw = formDataToObject(formData);
  const t = isLocale(raw.lang) ? createTranslator(raw.lang) : await getTranslator();
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string").map(([k, v]) => [k, (v as string).slice(0, 200)]));
  let visit: KioskSurveyVisit | undefined;
  try {
    const actor = await getDeviceActor("survey.record");
    if (!actor) throw new AppError("unauthorized", "devices.error.notActivated");
    const { reference } = parseInput(FindSchema, raw);
    // Looked up again on the answers too: without JavaScript the previous state does not come back with the post.
    visit = await getKioskSurveyVisit(actor, reference, { locale: t.locale });
    if (raw.step !== "answer") return { status: "questions", visit };
    const input = parseInput(AnswerSchema, raw);
    await recordKioskSurvey(actor, { ...input, comment: null, ageBand: null, sex: null, education: null, occupation: null });
    return { status: "thanks" };
  } catch (error) {
    // A missing answer keeps the questions on screen; anything else goes back to the code.
    const state = toFormState(error, t, values);
    const keep = visit && state.code === "validation";
    return { ...state, status: keep ? "questions" : "error", visit: keep ? visit : undefined };
  }
}
