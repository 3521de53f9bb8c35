"use client";

import { useT } from "@/components/i18n/translation-provider";
import { SurveyQuestionList } from "@/components/survey/survey-question-list";
import type { KioskSurveyState } from "@/lib/actions/kiosk-survey";
import { formatDate } from "@/lib/format";

type KioskSurveyVisit = NonNullable<KioskSurveyState["visit"]>;
type Props = { state: KioskSurveyState; visit: KioskSurveyVisit; formAction: (f: FormData) => void; isPending: boolean };

/** All nine questions on one screen, each answer a large touch target (≥ 80 px) with the regulation's words. */
export function KioskSurveyQuestions({ state, visit, formAction, isPending }: Props) {
  const t = useT();
  const errors = state.fields ?? {};
  const values = state.values ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-8" aria-busy={isPending}>
      <input type="hidden" name="lang" value={t.locale} />
      <input type="hidden" name="step" value="answer" />
      <input type="hidden" name="reference" value={visit.reference} />
      <p className="text-3xl font-semibold">{t("survey.visit", { service: visit.serviceName, date: formatDate(visit.date, t.locale), reference: visit.referenceDisplay })}</p>
      {state.message ? (
        <div role="alert" className="rounded-2xl border-l-[12px] border-red-700 bg-red-50 p-6 text-3xl text-red-950">
          {state.message}
        </div>
      ) : null}
      <p className="text-2xl text-muted">{t("kioskSurvey.answerHint")}</p>
      <SurveyQuestionList look="kiosk" errors={errors} values={values} />
      <button type="submit" disabled={isPending} className="min-h-24 rounded-2xl bg-brand-600 px-8 text-5xl font-bold text-white disabled:opacity-60">
        {isPending ? t("common.loading") : t("survey.submit")}
      </button>
    </form>
  );
}
