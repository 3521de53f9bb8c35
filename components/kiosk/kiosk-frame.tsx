"use client";

import type { ReactNode } from "react";
import { useT } from "@/components/i18n/translation-provider";
import type { Locale } from "@/lib/i18n/messages";

/** The kiosk's large header link (the survey, back, the language). */
export const KIOSK_LINK = "inline-flex min-h-20 items-center rounded-2xl border-4 border-brand-600 bg-white px-8 text-3xl font-bold text-brand-700 no-underline";

type Props = {
  title: string;
  /** This screen's own address: without JavaScript the language switch is a link back to it with `?lang=`. */
  path: "/kiosk" | "/kiosk/survey";
  onSwitch: (locale: Locale) => void;
  /** The header's other links, before the language switch. */
  actions: ReactNode;
  mainClassName?: string;
  children: ReactNode;
};

/**
 * A kiosk screen (check-in and survey): the title, the header's links and the language switch, in the
 * language `useT()` reads (the citizen's choice, see TranslationLocale). The switch is a link, so it works
 * without JavaScript too; with it, no page load and no cookie: the choice is this citizen's only.
 */
export function KioskFrame({ title, path, onSwitch, actions, mainClassName, children }: Props) {
  const t = useT();
  const other: Locale = t.locale === "id" ? "en" : "id";
  return (
    <div lang={t.locale} className="min-h-dvh bg-white px-8 py-6">
      <header className="mb-8 flex flex-wrap items-center justify-between gap-4 border-b-4 border-brand-600 pb-4 print:hidden">
        <h1 className="text-5xl font-bold">{title}</h1>
        <div className="flex flex-wrap items-center gap-6">
          {actions}
          <a
            href={`${path}?lang=${other}`}
            lang={other}
            onClick={(e) => {
              e.preventDefault();
              onSwitch(other);
            }}
            className={KIOSK_LINK}
          >
            {t("lang.switchTo")}
          </a>
        </div>
      </header>
      <main className={mainClassName}>{children}</main>
    </div>
  );
}
