"use client";

import { useActionState, useCallback, useState } from "react";
import { kioskCheckInAction, type KioskState } from "@/lib/actions/kiosk";
import { QUEUE_IDLE } from "@/lib/actions/queue-state";
import type { Locale } from "@/lib/i18n/messages";
import { KioskForm } from "./kiosk-form";
import { TranslationLocale, useT } from "@/components/i18n/translation-provider";
import { KioskSuccess } from "./kiosk-success";

type Props = { locale: Locale; kioskLocale: Locale; officeName: string };

/**
 * One citizen at a time: each round starts with a fresh form state and the kiosk's own language, so
 * nothing of the last person stays — not their code, not their error, not their choice of language.
 */
export function Kiosk({ locale: firstLocale, kioskLocale, officeName }: Props) {
  const [round, setRound] = useState(0);
  const [locale, setLocale] = useState(firstLocale);
  const nextRound = useCallback(() => {
    setLocale(kioskLocale);
    setRound((r) => r + 1);
  }, [kioskLocale]);
  return (
    <TranslationLocale locale={locale}>
      <KioskScreen locale={locale} officeName={officeName} onSwitch={setLocale} round={round} onDone={nextRound} />
    </TranslationLocale>
  );
}

/** The screen in the language the citizen chose: TranslationLocale above makes `useT()` read it. */
function KioskScreen({ locale, officeName, onSwitch: setLocale, round, onDone: nextRound }: { locale: Locale; officeName: string; onSwitch: (locale: Locale) => void; round: number; onDone: () => void }) {
  const t = useT();
  const other: Locale = locale === "id" ? "en" : "id";
  return (
    <div lang={locale} className="min-h-dvh bg-white px-8 py-6">
      <header className="mb-8 flex flex-wrap items-center justify-between gap-4 border-b-4 border-brand-600 pb-4 print:hidden">
        <h1 className="text-5xl font-bold">{t("devices.kiosk.title")}</h1>
        <div className="flex flex-wrap items-center gap-6">
          <p className="text-2xl font-semibold text-muted">{officeName}</p>
          {/* After the service, the same kiosk takes the satisfaction survey (in the language chosen here). */}
          <a href={`/kiosk/survey?lang=${locale}`} className="inline-flex min-h-20 items-center rounded-2xl border-4 border-brand-600 px-8 text-3xl font-bold text-brand-700 no-underline">
            {t("kioskSurvey.open")}
          </a>
          {/* A link, so the switch works without JavaScript too; with it, no page load and no cookie. */}
          <a
            href={`/kiosk?lang=${other}`}
            lang={other}
            onClick={(e) => {
              e.preventDefault();
              setLocale(other);
            }}
            className="inline-flex min-h-20 items-center rounded-2xl border-4 border-brand-600 px-8 text-3xl font-bold text-brand-700 no-underline"
          >
            {t("lang.switchTo")}
          </a>
        </div>
      </header>
      <main>
        <KioskRound key={round} onDone={nextRound} />
      </main>
    </div>
  );
}

function KioskRound({ onDone }: { onDone: () => void }) {
  const [state, formAction, isPending] = useActionState<KioskState, FormData>(kioskCheckInAction, QUEUE_IDLE);
  if (state.status === "success" && state.result) return <KioskSuccess result={state.result} onDone={onDone} />;
  return <KioskForm state={state} formAction={formAction} isPending={isPending} onIdle={onDone} />;
}
