"use client";

import { useActionState, useState } from "react";
import { kioskSurveyAction, type KioskSurveyState } from "@/lib/actions/kiosk-survey";
import type { Locale } from "@/lib/i18n/messages";
import { KIOSK_INPUT, KioskAlert, KioskField } from "./kiosk-field";
import { KioskSurveyQuestions } from "./kiosk-survey-questions";
import { KioskSurveyThanks } from "./kiosk-survey-thanks";
import type { KioskSurveyLabels } from "./survey-labels";

type Props = { labels: Record<Locale, KioskSurveyLabels>; locale: Locale };

const IDLE: KioskSurveyState = { status: "idle" };
const bigLink = "inline-flex min-h-20 items-center rounded-2xl border-4 border-brand-600 bg-white px-8 text-3xl font-bold text-brand-700 no-underline";
const input = `${KIOSK_INPUT} uppercase`;

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
            {state.status === "error" ? <KioskAlert title={l.errorTitle} message={state.message} /> : null}
            <KioskField id="kiosk-survey-reference" label={l.reference} hint={l.referenceHint} invalid={state.status === "error"}>
              {(aria) => (
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
                  {...aria}
                  onFocus={(e) => e.currentTarget.select()}
                  className={input}
                />
              )}
            </KioskField>
            <button type="submit" disabled={isPending} className="min-h-24 rounded-2xl bg-brand-600 px-8 text-5xl font-bold text-white disabled:opacity-60">
              {isPending ? l.loading : l.next}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
