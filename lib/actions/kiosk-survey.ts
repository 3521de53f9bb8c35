"use server";

import { z } from "zod";
import { getKioskSurveyVisit, recordKioskSurvey, type KioskSurveyVisit } from "../dal/kiosk-survey";
import { SurveyAnswersSchema } from "../validation/survey";
import { ReferenceSchema } from "../validation/fields";
import { parseInput } from "../validation/parse";
import { isAppError } from "../errors";
import { defineAction, echoed } from "./define-action";
import { toFormState, type FormState } from "./form-state";

/** Where the kiosk's survey stands: asking for the code, asking the questions, or thanking. */
export type KioskSurveyState = Omit<FormState, "status"> & { status: "idle" | "error" | "questions" | "thanks"; visit?: KioskSurveyVisit };

const FindSchema = z.object({ reference: ReferenceSchema });
const AnswerSchema = SurveyAnswersSchema.pick({ u1: true, u2: true, u3: true, u4: true, u5: true, u6: true, u7: true, u8: true, u9: true }).extend({ reference: ReferenceSchema });
const ANSWERS = ["reference", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"] as const;

/**
 * Both steps of the kiosk's survey, as plain form posts (so it works before JavaScript loads): `step=find`
 * checks the code, `step=answer` records the nine answers. The profile and comment are skipped at a kiosk.
 * The visit is looked up again on the answers too: without JavaScript the previous state does not come
 * back with the post. A missing answer keeps the questions on screen; anything else goes back to the code.
 */
export const kioskSurveyAction = defineAction(
  { permission: "survey.record", device: true, localeFromForm: true, schema: FindSchema, echo: ANSWERS },
  async ({ reference }, { actor, t, raw }): Promise<KioskSurveyState> => {
    const visit = await getKioskSurveyVisit(actor, { reference }, { locale: t.locale });
    if (raw.step !== "answer") return { status: "questions", visit };
    try {
      const input = parseInput(AnswerSchema, raw);
      await recordKioskSurvey(actor, { ...input, comment: null, ageBand: null, sex: null, education: null, occupation: null });
    } catch (error) {
      if (!isAppError(error) || error.code !== "validation") throw error;
      return { ...toFormState(error, t, echoed(ANSWERS, raw)), status: "questions", visit };
    }
    return { status: "thanks" };
  },
);
