"use client";

import { useT } from "@/components/i18n/translation-provider";
import { useSurveyQuestions } from "@/components/survey/use-survey-questions";
import type { KioskSurveyState } from "@/lib/actions/kiosk-survey";
import { formatDate } from "@/lib/format";

type KioskSurveyVisit = NonNullable<KioskSurveyState["visit"]>;
type Props = { state: KioskSurveyState; visit: KioskSurveyVisit; formAction: (f: FormData) => void; isPending: boolean };

/** All nine questions on one screen, each answer a large touch target (≥ 80 px) with the regulation's words. */
export function KioskSurveyQuestions({ state, visit, formAction, isPending }: Props) {
  const t = useT();
  const questions = useSurveyQuestions();
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
      <ol className="flex flex-col gap-10">
        {questions.map((q, index) => {
          const errorId = errors[q.name]?.length ? `kiosk-${q.name}-error` : undefined;
          return (
            <li key={q.name}>
              <fieldset aria-describedby={errorId}>
                <legend className="text-3xl font-bold">
                  <span className="sr-only">{t("kioskSurvey.question", { n: index + 1, total: questions.length })}. </span>
                  <span aria-hidden="true">{index + 1}. </span>
                  {q.question}
                </legend>
                {errorId ? (
                  <p id={errorId} className="mt-2 text-2xl font-bold text-red-800">
                    {errors[q.name]!.join(" ")}
                  </p>
                ) : null}
                <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                  {q.answers.map((a) => (
                    <label
                      key={a.value}
                      className="flex min-h-20 cursor-pointer items-center gap-4 rounded-2xl border-4 border-slate-400 px-5 py-3 text-2xl font-bold has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-4 has-[:focus-visible]:outline-brand-600"
                    >
                      <input type="radio" name={q.name} value={a.value} required defaultChecked={values[q.name] === a.value} className="size-8 shrink-0 accent-brand-600" />
                      <span>
                        <span aria-hidden="true">{a.value}. </span>
                        {a.label}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="submit" disabled={isPending} className="min-h-24 rounded-2xl bg-brand-600 px-8 text-5xl font-bold text-white disabled:opacity-60">
        {isPending ? t("common.loading") : t("survey.submit")}
      </button>
    </form>
  );
}
