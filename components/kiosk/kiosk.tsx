"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { announce } from "@/components/display/speaker";
import { speechLang } from "@/lib/announcement";
import { kioskCheckInAction, type KioskState } from "@/lib/actions/kiosk";
import { QUEUE_IDLE } from "@/lib/actions/queue-state";
import type { Locale } from "@/lib/i18n/messages";
import type { KioskLabels } from "./labels";
import { KioskSuccess } from "./kiosk-success";
import { NikKeypad } from "./nik-keypad";

type Props = { labels: KioskLabels; locale: Locale };

/** One citizen at a time: each round starts with a fresh form state, so nothing of the last person stays. */
export function Kiosk(props: Props) {
  const [round, setRound] = useState(0);
  return <KioskRound key={round} {...props} onDone={() => setRound((r) => r + 1)} />;
}

function KioskRound({ labels, locale, onDone }: Props & { onDone: () => void }) {
  const [state, formAction, isPending] = useActionState<KioskState, FormData>(kioskCheckInAction, QUEUE_IDLE);
  if (state.status === "success" && state.result) return <KioskSuccess result={state.result} labels={labels} locale={locale} onDone={onDone} />;
  return <KioskForm state={state} formAction={formAction} isPending={isPending} labels={labels} locale={locale} />;
}

const input = "min-h-20 w-full rounded-xl border-4 border-slate-400 bg-white px-4 text-4xl font-bold tracking-widest focus:border-brand-600";

function KioskForm({ state, formAction, isPending, labels, locale }: Props & { state: KioskState; formAction: (f: FormData) => void; isPending: boolean }) {
  const nik = useRef<HTMLInputElement>(null);
  const reference = useRef<HTMLInputElement>(null);
  const fieldErrors = state.fields ?? {};
  const lang = speechLang(locale);

  useEffect(() => {
    if (state.status === "error") {
      void announce(state.message ?? labels.errorTitle, lang, { chime: false });
      (fieldErrors.nik?.length && !fieldErrors.reference?.length ? nik : reference).current?.focus();
    } else {
      void announce(labels.scanPrompt, lang, { chime: false });
    }
    // Once per result: speaking again on every render would repeat the prompt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <form action={formAction} className="mx-auto flex max-w-5xl flex-col gap-8" aria-busy={isPending}>
      <p className="text-3xl">{labels.intro}</p>
      {state.status === "error" ? (
        <div role="alert" className="rounded-2xl border-l-[12px] border-red-700 bg-red-50 p-6 text-red-950">
          <p className="text-4xl font-bold">{labels.errorTitle}</p>
          <p className="mt-2 text-3xl">{state.message}</p>
        </div>
      ) : null}
      <div className="flex flex-col gap-2">
        <label htmlFor="kiosk-reference" className="text-4xl font-bold">
          {labels.reference}
        </label>
        <p id="kiosk-reference-hint" className="text-2xl text-muted">
          {labels.referenceHint}
        </p>
        <input
          ref={reference}
          id="kiosk-reference"
          name="reference"
          required
          maxLength={200}
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="next"
          defaultValue={state.values?.reference ?? ""}
          aria-invalid={fieldErrors.reference?.length ? true : undefined}
          aria-describedby={`kiosk-reference-hint${fieldErrors.reference?.length ? " kiosk-reference-error" : ""}`}
          className={`${input} uppercase`}
          onKeyDown={(e) => {
            // A QR scanner "types" the code and presses Enter: move on to the NIK instead of submitting half a form.
            if (e.key === "Enter" && !nik.current?.value) {
              e.preventDefault();
              nik.current?.focus();
              void announce(labels.nikPrompt, lang, { chime: false });
            }
          }}
        />
        {fieldErrors.reference?.length ? (
          <p id="kiosk-reference-error" className="text-2xl font-bold text-red-800">
            {fieldErrors.reference.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="grid gap-6 md:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-2">
          <label htmlFor="kiosk-nik" className="text-4xl font-bold">
            {labels.nik}
          </label>
          <p id="kiosk-nik-hint" className="text-2xl text-muted">
            {labels.nikHint}
          </p>
          <input
            ref={nik}
            id="kiosk-nik"
            name="nik"
            type="password"
            inputMode="numeric"
            pattern="[0-9]{16}"
            maxLength={16}
            required
            autoComplete="off"
            enterKeyHint="done"
            aria-invalid={fieldErrors.nik?.length ? true : undefined}
            aria-describedby={`kiosk-nik-hint${fieldErrors.nik?.length ? " kiosk-nik-error" : ""}`}
            className={input}
          />
          {fieldErrors.nik?.length ? (
            <p id="kiosk-nik-error" className="text-2xl font-bold text-red-800">
              {fieldErrors.nik.join(" ")}
            </p>
          ) : null}
          <button type="submit" disabled={isPending} className="mt-4 min-h-24 rounded-2xl bg-brand-600 px-8 text-5xl font-bold text-white disabled:opacity-60">
            {isPending ? labels.loading : labels.submit}
          </button>
        </div>
        <NikKeypad
          labels={labels}
          onEdit={(change) => {
            if (!nik.current) return;
            nik.current.value = change(nik.current.value).slice(0, 16);
            nik.current.focus();
          }}
        />
      </div>
      <p className="text-2xl text-muted">{labels.help}</p>
    </form>
  );
}
