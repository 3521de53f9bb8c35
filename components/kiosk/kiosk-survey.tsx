"use client";

import { useActionState, useState } from "react";
import { TranslationLocale, useT } from "@/components/i18n/translation-provider";
import { kioskSurveyAction, type KioskSurveyState } from "@/lib/actions/kiosk-survey";
import type { Locale } from "@/lib/i18n/messages";
import { KioskAlert, KioskField, KioskReferenceInput } from "./kiosk-field";
import { KIOSK_LINK, KioskFrame } from "./kiosk-frame";
import { KioskSurveyQuestions } from "./kiosk-survey-questions";
import { KioskSurveyThanks } from "./kiosk-survey-thanks";

const IDLE: KioskSurveyState = { status: "idle" };

/**
 * The SKM at the kiosk: the code of a finished visit, the nine questions with large answers, thanks.
 * Plain form posts throughout; the language switch is a link, and with JavaScript it keeps the answers.
 */
export function KioskSurvey({ locale: firstLocale }: { locale: Locale }) {
  const [locale, setLocale] = useState(firstLocale);
  return (
    <TranslationLocale locale={locale}>
      <KioskSurveyScreen onSwitch={setLocale} />
    </TranslationLocale>
  );
}

function KioskSurveyScreen({ onSwitch }: { onSwitch: (locale: Locale) => void }) {
  const t = useT();
  const locale = t.locale;
  const [state, formAction, isPending] = useActionState(kioskSurveyAction, IDLE);
  return (
    <KioskFrame
      title={t("kioskSurvey.title")}
      path="/kiosk/survey"
      onSwitch={onSwitch}
      mainClassName="mx-auto max-w-5xl"
      actions={
        <a href={`/kiosk?lang=${locale}`} className={KIOSK_LINK}>
          {t("kioskSurvey.back")}
        </a>
      }
    >
      {state.status === "thanks" ? (
        <KioskSurveyThanks />
      ) : state.status === "questions" && state.visit ? (
        <KioskSurveyQuestions state={state} visit={state.visit} formAction={formAction} isPending={isPending} />
      ) : (
        <form action={formAction} className="flex flex-col gap-8" aria-busy={isPending}>
          <input type="hidden" name="lang" value={locale} />
          <input type="hidden" name="step" value="find" />
          <p className="text-3xl">{t("kioskSurvey.intro")}</p>
          {state.status === "error" ? <KioskAlert title={t("devices.kiosk.errorTitle")} message={state.message} /> : null}
          <KioskField id="kiosk-survey-reference" label={t("devices.kiosk.reference")} hint={t("kioskSurvey.referenceHint")} invalid={state.status === "error"}>
            {(aria) => (
              <KioskReferenceInput id="kiosk-survey-reference" enterKeyHint="go" {...aria} />
            )}
          </KioskField>
          <button type="submit" disabled={isPending} className="min-h-24 rounded-2xl bg-brand-600 px-8 text-5xl font-bold text-white disabled:opacity-60">
            {isPending ? t("common.loading") : t("kioskSurvey.next")}
          </button>
        </form>
      )}
    </KioskFrame>
  );
}
