"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { announce } from "@/components/display/speaker";
import { checkInAnnouncement, speechLang } from "@/lib/announcement";
import type { KioskResult } from "@/lib/actions/kiosk";
import type { Locale } from "@/lib/i18n/messages";
import type { KioskLabels } from "./labels";
import { KioskSlip } from "./kiosk-slip";

/** Long enough to read the number and take the slip; short enough that the next person need not wait. */
const RETURN_AFTER_S = 20;
const noSubscribe = () => () => {};

export function KioskSuccess({ result, labels, locale, onDone }: { result: KioskResult; labels: KioskLabels; locale: Locale; onDone: () => void }) {
  const [left, setLeft] = useState(RETURN_AFTER_S);
  // Printing needs JavaScript; without it the button would do nothing, so it appears only once hydrated.
  const hasScript = useSyncExternalStore(noSubscribe, () => true, () => false);
  const { slip } = result;

  useEffect(() => {
    void announce(checkInAnnouncement(slip.queueNumber, locale), speechLang(locale));
  }, [slip.queueNumber, locale]);
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0) onDone();
  }, [left, onDone]);

  return (
    <>
      {/* Without JavaScript the page itself goes back to the start; with it, the countdown does. */}
      <noscript dangerouslySetInnerHTML={{ __html: `<meta http-equiv="refresh" content="${RETURN_AFTER_S};url=/kiosk">` }} />
      <section aria-live="polite" className="mx-auto flex max-w-5xl flex-col items-center gap-6 text-center print:hidden">
        <h2 className="text-5xl font-bold text-green-800">✓ {labels.successTitle}</h2>
        <p className="text-4xl">{labels.yourNumber}</p>
        <p className="rounded-3xl bg-slate-900 px-16 py-6 text-[9rem] font-black leading-none text-amber-300 tabular-nums">{slip.queueNumber}</p>
        <p className="text-3xl">
          {slip.service} · {slip.session}
        </p>
        {result.notice ? <p className="rounded-xl bg-amber-50 p-4 text-2xl font-semibold text-amber-950">{result.notice}</p> : null}
        <p className="text-3xl font-semibold">{labels.waitForCall}</p>
        <div className="flex flex-wrap justify-center gap-6">
          {hasScript ? (
            <button type="button" onClick={() => window.print()} className="min-h-24 rounded-2xl bg-brand-600 px-10 text-4xl font-bold text-white">
              {labels.print}
            </button>
          ) : null}
          {/* A full load back to the kiosk's start. The rule takes /kiosk for a citizen page: app/[locale]/[...rest] matches every path. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/kiosk" onClick={(e) => (e.preventDefault(), onDone())} className="inline-flex min-h-24 items-center rounded-2xl border-4 border-brand-600 bg-white px-10 text-4xl font-bold text-brand-700 no-underline">
            {labels.done}
          </a>
        </div>
        <p className="text-2xl text-muted">{labels.returning.replace("{seconds}", String(Math.max(left, 0)))}</p>
      </section>
      <KioskSlip result={result} labels={labels} />
    </>
  );
}
