"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormErrorAlert } from "@/components/ui/form-error";
import { IDLE } from "@/lib/actions/form-state";
import { submitSurveyAction } from "@/lib/actions/survey";
import { NikField } from "@/components/booking/citizen-fields";
import { useT, type ClientTranslator } from "@/components/i18n/translation-provider";
import type { MessageKey } from "@/lib/i18n/messages";
import { AGE_BANDS, EDUCATION_LEVELS, OCCUPATIONS } from "@/lib/survey/skm";
import { SurveyQuestionList } from "./survey-question-list";

/** The regulation's optional respondent profile: each question and its answers. */
function profileFields(t: ClientTranslator) {
  const options = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  return [
    { name: "ageBand", label: t("survey.ageBand"), options: options(AGE_BANDS, "survey.age") },
    { name: "sex", label: t("survey.sex"), options: options(["M", "F"], "survey.sex") },
    { name: "education", label: t("survey.education"), options: options(EDUCATION_LEVELS, "survey.edu") },
    { name: "occupation", label: t("survey.occupation"), options: options(OCCUPATIONS, "survey.job") },
  ];
}
/** The nine questions as large radio buttons, then the optional comment and profile. Works without JS. */
export function SurveyForm({ reference, needsNik }: { reference: string; needsNik: boolean }) {
  const t = useT();
  const profile = profileFields(t);
  const [state, action, pending] = useActionState(submitSurveyAction, IDLE);
  const errors = state.fields ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-6" noValidate>
      <FormErrorAlert state={state} />
      <input type="hidden" name="reference" value={reference} />
      <p className="text-sm text-muted">{t("survey.scaleLegend")}</p>
      <SurveyQuestionList look="web" errors={errors} values={values} />
      <div className="flex flex-col gap-1">
        <label htmlFor="field-comment" className="font-semibold">
          {t("survey.comment")} <span className="font-normal text-muted">{t("common.optional")}</span>
        </label>
        <textarea id="field-comment" name="comment" rows={3} maxLength={1000} defaultValue={values.comment} className="rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg" />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-lg font-bold">{t("survey.profileTitle")}</legend>
        <p className="text-sm text-muted">{t("survey.profileHint")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {profile.map((f) => (
            <SelectField key={f.name} label={f.label} name={f.name} optionalText={t("common.optional")} errors={errors[f.name]} defaultValue={values[f.name] ?? ""}>
              <option value="">{t("survey.notAnswered")}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>
      {needsNik ? <NikField label={t("survey.nik")} hint={t("survey.nikHint")} errors={errors.nik} /> : null}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.loading") : t("survey.submit")}
      </Button>
    </form>
  );
}
