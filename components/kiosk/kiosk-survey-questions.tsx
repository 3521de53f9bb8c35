"use client";

import type { KioskSurveyState } from "@/lib/actions/kiosk-survey";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/messages";
import type { KioskSurveyLabels } from "./survey-labels";

type KioskSurveyVisit = NonNullable<KioskSurveyState["visit"]>;
type Props = { state: KioskSurveyState; visit: KioskSurveyVisit; formAction: (f: FormData) => void; isPending: boolean; labels: KioskSurveyLabels; locale: Locale };

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** All nine questions on one screen, each answer a large touch target (≥ 80 px) with the regulation's words. */
export function KioskSurveyQuestions({ state, visit, formAction, isPending, labels, locale }: Props) {
  const errors = state.fields ?? {};
  const values = state.values ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-8" aria-busy={isPending}>
      <input type="hidden" name="lang" value={locale} />
      <input type="hidden" name="step" value="answer" />
      <input type="hidden" name="reference" value={visit.reference} />
      <p className="text-3xl font-semibold">{fill(labels.visit, { service: visit.serviceName, date: formatDate(visit.date, locale), reference: visit.referenceDisplay })}</p>
      {state.message ? (
        <div role="alert" className="rounded-2xl border-l-[12px] border-red-700 bg-red-50 p-6 text-3xl text-red-950">
          {state.message}
        </div>
      ) : null}
      <p className="text-2xl text-muted">{labels.answerHint}</p>
      <ol className="flex flex-col gap-10">
        {labels.questions.map((q, index) => {
          const errorId = errors[q.name]?.length ? `kiosk-${q.name}-error` : undefined;
          return (
            <li key={q.name}>
              <fieldset aria-describedby={errorId}>
                <legend className="text-3xl font-bold">
                  <span className="sr-only">{fill(labels.questionOf, { n: index + 1, total: labels.questions.length })}. </span>
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
        {isPending ? labels.loading : labels.submit}
      </button>
    </form>
  );
}
