import { z } from "zod";
import { AGE_BANDS, EDUCATION_LEVELS, OCCUPATIONS, SKM_ELEMENTS } from "../survey/skm";
import { NikDigitsSchema, ReferenceSchema } from "./fields";

const ScoreSchema = z.coerce
  .number({ error: "survey.field.score" })
  .int({ error: "survey.field.score" })
  .min(1, { error: "survey.field.score" })
  .max(4, { error: "survey.field.score" });

/** An empty select or radio means "not answered": optional profile fields become null. */
function optionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(values, { error: "field.invalid" }).nullable());
}

export const SurveyAnswersSchema = z.object({
  ...(Object.fromEntries(SKM_ELEMENTS.map((e) => [e, ScoreSchema])) as Record<(typeof SKM_ELEMENTS)[number], typeof ScoreSchema>),
  comment: z
    .string()
    .max(1000, { error: "field.tooLong" })
    .optional()
    .transform((v) => v?.trim() || null),
  ageBand: optionalChoice(AGE_BANDS),
  sex: optionalChoice(["M", "F"] as const),
  education: optionalChoice(EDUCATION_LEVELS),
  occupation: optionalChoice(OCCUPATIONS),
});
export type SurveyAnswers = z.output<typeof SurveyAnswersSchema>;

/** The web form: the reference, and the NIK unless this browser still holds the manage cookie. */
export const SurveySubmitSchema = SurveyAnswersSchema.extend({
  reference: ReferenceSchema,
  nik: z.preprocess((v) => (v === "" ? undefined : v), NikDigitsSchema.optional()),
});
