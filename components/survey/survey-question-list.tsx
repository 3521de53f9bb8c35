"use client";

import { useT } from "@/components/i18n/translation-provider";
import { useSurveyQuestions } from "./use-survey-questions";

/** The web page's and the kiosk's looks; the kiosk's answers are large touch targets (≥ 80 px). */
const LOOKS = {
  web: {
    list: "space-y-6",
    legend: "font-semibold",
    error: "text-sm font-semibold text-red-800",
    answers: "mt-2 grid gap-2 sm:grid-cols-4",
    answer: "flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50",
    radio: "size-6 shrink-0 accent-brand-600",
    letter: "font-bold",
  },
  kiosk: {
    list: "flex flex-col gap-10",
    legend: "text-3xl font-bold",
    error: "mt-2 text-2xl font-bold text-red-800",
    answers: "mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4",
    answer:
      "flex min-h-20 cursor-pointer items-center gap-4 rounded-2xl border-4 border-slate-400 px-5 py-3 text-2xl font-bold has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-4 has-[:focus-visible]:outline-brand-600",
    radio: "size-8 shrink-0 accent-brand-600",
    letter: undefined,
  },
} as const;

/**
 * The regulation's nine questions, each a fieldset of four required radio answers with its errors tied to
 * it; what was chosen before a failed submit stays chosen. The kiosk also tells a screen reader "question n
 * of 9" and does not mark a fieldset invalid (as before the two were one list).
 */
export function SurveyQuestionList({ look, errors, values }: { look: keyof typeof LOOKS; errors: Record<string, string[]>; values: Record<string, string> }) {
  const t = useT();
  const questions = useSurveyQuestions();
  const css = LOOKS[look];
  const isKiosk = look === "kiosk";
  return (
    <ol className={css.list}>
      {questions.map((q, index) => {
        const errorId = errors[q.name]?.length ? `${isKiosk ? "kiosk-" : ""}${q.name}-error` : undefined;
        return (
          <li key={q.name}>
            <fieldset aria-describedby={errorId} aria-invalid={errorId && !isKiosk ? true : undefined}>
              <legend className={css.legend}>
                {isKiosk ? <span className="sr-only">{t("kioskSurvey.question", { n: index + 1, total: questions.length })}. </span> : null}
                {isKiosk ? <span aria-hidden="true">{index + 1}. </span> : `${index + 1}. `}
                {q.question}
              </legend>
              {errorId ? (
                <p id={errorId} className={css.error}>
                  {errors[q.name]!.join(" ")}
                </p>
              ) : null}
              <div className={css.answers}>
                {q.answers.map((a) => (
                  <label key={a.value} className={css.answer}>
                    <input type="radio" name={q.name} value={a.value} required defaultChecked={values[q.name] === a.value} className={css.radio} />
                    <span>
                      <span aria-hidden="true" className={css.letter}>
                        {a.value}.{" "}
                      </span>
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
  );
}
