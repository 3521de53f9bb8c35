"use client";

import { useActionState, useCallback, useState } from "react";
import { kioskCheckInAction, type KioskState } from "@/lib/actions/kiosk";
import { QUEUE_IDLE } from "@/lib/actions/queue-state";
import type { Locale } from "@/lib/i18n/messages";
import { TranslationLocale, useT } from "@/components/i18n/translation-provider";
import { KioskForm } from "./kiosk-form";
import { KIOSK_LINK, KioskFrame } from "./kiosk-frame";
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
function KioskScreen({ locale, officeName, onSwitch, round, onDone }: { locale: Locale; officeName: string; onSwitch: (locale: Locale) => void; round: number; onDone: () => void }) {
  const t = useT();
  return (
    <KioskFrame
      title={t("devices.kiosk.title")}
      subtitle={officeName}
      path="/kiosk"
      onSwitch={onSwitch}
      actions={
        // After the service, the same kiosk takes the satisfaction survey (in the language chosen here).
        <a href={`/kiosk/survey?lang=${locale}`} className={KIOSK_LINK}>
          {t("kioskSurvey.open")}
        </a>
      }
    >
      <KioskRound key={round} onDone={onDone} />
    </KioskFrame>
  );
}

function KioskRound({ onDone }: { onDone: () => void }) {
  const [state, formAction, isPending] = useActionState<KioskState, FormData>(kioskCheckInAction, QUEUE_IDLE);
  if (state.status === "success" && state.result) return <KioskSuccess result={state.result} onDone={onDone} />;
  return <KioskForm state={state} formAction={formAction} isPending={isPending} onIdle={onDone} />;
}
