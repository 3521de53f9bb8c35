"use client";

import { useActionState, useState } from "react";
import { kioskSurveyAction, type KioskSurveyState } from "@/lib/actions/kiosk-survey";
import type { Locale } from "@/lib/i18n/messages";
import { KioskSurveyQuestions } from "./kiosk-survey-questions";
import { KioskSurveyThanks } from "./kiosk-survey-thanks";
import type { KioskSurveyLabels } from "./survey-labels";

type Props = { labels: Record<Locale, KioskSurveyLabels>; locale: Locale };

const IDLE: KioskSurveyState = { status: "idle" };
const bigLink = "inline-flex min-h-20 items-center rounded-2xl border-4 border-brand-600 bg-white px-8 text-3xl font-bold text-brand-700 no-underline";
const input = "min-h-20 w-full min-w-0 rounded-xl border-4 border-slate-400 bg-white px-4 text-4xl font-bold tracking-widest uppercase focus:border-brand-600";

/**
 * The SKM at the kiosk: the code of a finished visit, the nine questions with large answers, thanks.
 * Plain form posts throughout; the language switch is a link, and with JavaScript it keeps the answers.
 */
export function KioskSurvey({ labels, locale: firstLocale }: Props) {
  const [locale, setLocale] = useState(firstLocale);
  const [state, formAction, isPending] = useActionState(kioskSurveyAction, IDLE);
  const l = labels[locale];
  const other: Locale = locale === "id" ? "en" : "id";
  return (
    <div lang={locale} className="min-h-dvh bg-white px-8 py-6">
      <header className="mb-8 flex flex-wrap items-center justify-between gap-4 border-b-4 border-brand-600 pb-4">
        <h1 className="text-5xl font-bold">{l.title}</h1>
        <div className="flex flex-wrap items-center gap-6">
          <a href={`/kiosk?lang=${locale}`} className={bigLink}>
            {l.back}
          </a>
          <a
            href={`/kiosk/survey?lang=${other}`}
            lang={other}
            onClick={(e) => {
              e.preventDefault();
              setLocale(other);
            }}
            className={bigLink}
          >
            {l.switchTo}
          </a>
        </div>
      </header>
      <main className="mx-auto max-w-5xl">
        {state.status === "thanks" ? (
          <KioskSurveyThanks labels={l} locale={locale} />
        ) : state.status === "questions" && state.visit ? (
          <KioskSurveyQuestions state={state} visit={state.visit} formAction={formAction} isPending={isPending} labels={l} locale={locale} />
        ) : (
          <form action={formAction} className="flex flex-col gap-8" aria-busy={isPending}>
            <input type="hidden" name="lang" value={locale} />
            <input type="hidden" name="step" value="find" />
            <p className="text-3xl">{l.intro}</p>
            {state.status === "error" ? (
              <div role="alert" className="rounded-2xl border-l-[12px] border-red-700 bg-red-50 p-6 text-red-950">
                <p className="text-4xl font-bold">{l.errorTitle}</p>
                <p className="mt-2 text-3xl">{state.message}</p>
              </div>
            ) : null}
            <div className="flex flex-col gap-2">
              <label htmlFor="kiosk-survey-reference" className="text-4xl font-bold">
                {l.reference}
              </label>
              <p id="kiosk-survey-reference-hint" className="text-2xl text-muted">
                {l.referenceHint}
              </p>
              <input
                id="kiosk-survey-reference"
                name="reference"
                required
                maxLength={200}
                autoFocus
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                enterKeyHint="go"
                aria-describedby="kiosk-survey-reference-hint"
                aria-invalid={state.status === "error" ? true : undefined}
                onFocus={(e) => e.currentTarget.select()}
                className={input}
              />
            </div>
            <button type="submit" disabled={isPending} className="min-h-24 rounded-2xl bg-brand-600 px-8 text-5xl font-bold text-white disabled:opacity-60">
              {isPending ? l.loading : l.next}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
