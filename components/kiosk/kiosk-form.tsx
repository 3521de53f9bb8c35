"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { announce } from "@/components/display/speaker";
import { speechLang } from "@/lib/announcement";
import type { KioskState } from "@/lib/actions/kiosk";
import { useT } from "@/components/i18n/translation-provider";
import { KIOSK_INPUT, KioskAlert, KioskField, KioskReferenceInput } from "./kiosk-field";
import { NikKeypad } from "./nik-keypad";

/** After a failed check-in the screen starts over by itself once nobody has touched it for this long. */
const FAILURE_CLEAR_MS = 8_000;

const noSubscribe = () => () => {};
const clearKey = "inline-flex min-h-18 min-w-28 shrink-0 items-center justify-center gap-2 rounded-xl bg-slate-200 px-5 text-2xl font-bold text-ink active:bg-slate-400";

type Props = { state: KioskState; formAction: (f: FormData) => void; isPending: boolean; onIdle: () => void };

/**
 * The check-in form. A scanner "types" the code and presses Enter, so after a failure the old code must
 * never be extended by the next scan: it is selected (a new scan replaces it), typing onto it unchanged
 * starts it afresh, each field has a clear key, and an idle failure clears itself.
 */
export function KioskForm({ state, formAction, isPending, onIdle }: Props) {
  const t = useT();
  const locale = t.locale;
  const nik = useRef<HTMLInputElement>(null);
  const reference = useRef<HTMLInputElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  const [activity, setActivity] = useState(0);
  // The clear keys need JavaScript; without it they would do nothing, so they appear only once hydrated.
  const hasScript = useSyncExternalStore(noSubscribe, () => true, () => false);
  const fieldErrors = state.fields ?? {};
  const failedReference = state.status === "error" ? (state.values?.reference ?? "") : null;
  const lang = speechLang(locale);

  useEffect(() => {
    if (state.status === "error") {
      void announce(state.message ?? t("devices.kiosk.errorTitle"), lang, { chime: false });
      const field = (fieldErrors.nik?.length && !fieldErrors.reference?.length ? nik : reference).current;
      // After React's own form reset has put the failed code back.
      requestAnimationFrame(() => {
        field?.focus();
        field?.select();
        // The reason must be on screen too: a citizen scrolled down to the button would see only an empty form.
        alert.current?.scrollIntoView({ block: "nearest" });
      });
    } else {
      void announce(t("devices.announce.scanPrompt"), lang, { chime: false });
    }
    // Once per result: speaking again on every render would repeat the prompt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // A citizen who switches the language hears the prompt again, in the language they chose.
  const spokenLocale = useRef(locale);
  useEffect(() => {
    if (spokenLocale.current === locale) return;
    spokenLocale.current = locale;
    void announce(t("devices.announce.scanPrompt"), lang, { chime: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale]);

  // Not while a new attempt is on its way: its answer, not the old failure's timer, decides what shows next.
  useEffect(() => {
    if (state.status !== "error" || isPending) return;
    const timer = setTimeout(onIdle, FAILURE_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [state, activity, isPending, onIdle]);

  const clear = (field: HTMLInputElement | null) => {
    if (!field) return;
    field.value = "";
    field.focus();
  };

  return (
    <form
      action={formAction}
      className="mx-auto flex max-w-5xl flex-col gap-3"
      aria-busy={isPending}
      onInput={() => setActivity((n) => n + 1)}
      onPointerDown={() => setActivity((n) => n + 1)}
    >
      <input type="hidden" name="lang" value={locale} />
      {/* The refusal takes the intro's place: the whole form, button included, stays on a 1024×768 screen. */}
      {state.status === "error" ? <KioskAlert ref={alert} title={t("devices.kiosk.errorTitle")} message={state.message} /> : <p className="text-xl">{t("devices.kiosk.intro")}</p>}
      <KioskField id="kiosk-reference" label={t("devices.kiosk.reference")} hint={t("devices.kiosk.referenceHint")} errors={fieldErrors.reference}>
        {(aria) => (
          <div className="flex gap-3">
            <KioskReferenceInput
              ref={reference}
              id="kiosk-reference"
              enterKeyHint="next"
              defaultValue={state.values?.reference ?? ""}
              {...aria}
              onKeyDown={(e) => {
                const field = e.currentTarget;
                // The failed code, untouched, is never extended: the next scan (or key) starts a new code.
                if (failedReference && field.value === failedReference && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) field.value = "";
                // A QR scanner presses Enter after the code: move on to the NIK instead of submitting half a form.
                if (e.key === "Enter" && !nik.current?.value) {
                  e.preventDefault();
                  nik.current?.focus();
                  void announce(t("devices.announce.nikPrompt"), lang, { chime: false });
                }
              }}
            />
            {hasScript ? (
              <button type="button" aria-label={t("devices.kiosk.clearReference")} className={clearKey} onClick={() => clear(reference.current)}>
                <span aria-hidden="true">✕</span> {t("devices.kiosk.clear")}
              </button>
            ) : null}
          </div>
        )}
      </KioskField>
      {/* The keypad's column is wide enough for its word keys ("Kosongkan"); the NIK's takes the rest. */}
      <div className="grid gap-5 md:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex flex-col gap-3">
          <KioskField
            id="kiosk-nik"
            label={t("devices.kiosk.nik")}
            hint={t("devices.kiosk.nikHint")}
            errors={fieldErrors.nik}
            footer={
              <button type="submit" disabled={isPending} className="mt-2 min-h-18 rounded-2xl bg-brand-600 px-4 text-4xl font-bold text-white disabled:opacity-60">
                {isPending ? t("common.loading") : t("devices.kiosk.submit")}
              </button>
            }
          >
            {(aria) => (
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
                {...aria}
                className={KIOSK_INPUT}
              />
            )}
          </KioskField>
          <p className="text-lg text-muted">{t("devices.kiosk.help")}</p>
        </div>
        <NikKeypad
          onEdit={(change) => {
            if (!nik.current) return;
            nik.current.value = change(nik.current.value).slice(0, 16);
            nik.current.focus();
            setActivity((n) => n + 1);
          }}
        />
      </div>
    </form>
  );
}
