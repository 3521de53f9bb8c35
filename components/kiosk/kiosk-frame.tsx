"use client";

import type { ReactNode } from "react";
import { useT } from "@/components/i18n/translation-provider";
import type { Locale } from "@/lib/i18n/messages";

/** The kiosk's large header link (the survey, back, the language). */
export const KIOSK_LINK = "inline-flex min-h-16 shrink-0 items-center rounded-2xl border-4 border-brand-600 bg-white px-5 text-xl font-bold text-brand-700 no-underline";

type Props = {
  title: string;
  /** A smaller line under the title (the office's name). */
  subtitle?: string;
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
 * The header stays one row on a landscape tablet (1024 px): a second row would push the form's button
 * below the fold. The title block may shrink (its subtitle wraps); the links never do.
 */
export function KioskFrame({ title, subtitle, path, onSwitch, actions, mainClassName, children }: Props) {
  const t = useT();
  const other: Locale = t.locale === "id" ? "en" : "id";
  return (
    <div lang={t.locale} className="min-h-dvh bg-white px-8 py-3">
      <header className="mb-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-3 border-b-4 border-brand-600 pb-2 print:hidden">
        <div className="min-w-64 flex-1 basis-0">
          <h1 className="text-4xl font-bold">{title}</h1>
          {subtitle ? <p className="text-base font-semibold text-muted">{subtitle}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
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
