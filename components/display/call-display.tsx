"use client";

import { useCallback, useEffect, useState } from "react";
import { callAnnouncement, speechLang } from "@/lib/announcement";
import type { DisplayCall, DisplayState } from "@/lib/dal/display";
import type { Locale } from "@/lib/i18n/messages";
import { Clock } from "./clock";
import { SoundGate } from "./sound-gate";
import { announce } from "./speaker";
import { useDisplayEvents } from "./use-display-events";

export type CallDisplayLabels = {
  counter: string;
  nowCalling: string;
  recent: string;
  none: string;
  recall: string;
  offline: string;
  enableSound: string;
  enableSoundHint: string;
};

/** How long a fresh call stays highlighted: long enough to be noticed from across the room. */
const HIGHLIGHT_MS = 10_000;

/** The waiting-room TV: the latest call huge, every counter's current number, the last calls. */
export function CallDisplay({ initial, labels, locale, now }: { initial: DisplayState; labels: CallDisplayLabels; locale: Locale; now: string }) {
  const [fresh, setFresh] = useState<DisplayCall | null>(null);
  const onCall = useCallback(
    (call: DisplayCall) => {
      setFresh(call);
      void announce(callAnnouncement(call.queueNumber, call.counterNumber, locale), speechLang(locale));
    },
    [locale],
  );
  const { state, isConnected } = useDisplayEvents(initial, onCall);
  useEffect(() => {
    if (!fresh) return;
    const timer = setTimeout(() => setFresh(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [fresh]);

  const latest = state.recent[0] ?? null;
  return (
    <div className="fixed inset-0 flex flex-col bg-slate-950 text-white">
      <header className="flex items-center justify-between gap-[2vw] border-b-[0.3vw] border-amber-300 px-[3vw] py-[1.5vw]">
        <div>
          <p className="text-[3vw] font-bold leading-tight">{state.office.shortName}</p>
          {state.office.name !== state.office.shortName ? <p className="text-[1.6vw] text-slate-300">{state.office.name}</p> : null}
        </div>
        <Clock timeZone={state.office.timezone} locale={locale === "en" ? "en-GB" : "id-ID"} initial={now} />
      </header>

      <main className="grid flex-1 grid-cols-[2fr_1fr] gap-[2vw] p-[2vw]">
        <div className="flex flex-col gap-[2vw]">
          <section
            aria-live="assertive"
            aria-label={labels.nowCalling}
            className={`flex flex-col items-center justify-center rounded-[1.5vw] py-[1.5vw] ${fresh ? "animate-pulse bg-amber-300 text-black" : "bg-slate-800"}`}
          >
            <p className="text-[2.4vw] font-semibold uppercase tracking-wide">
              {labels.nowCalling}
              {latest?.kind === "recall" ? ` · ${labels.recall}` : ""}
            </p>
            <p className="text-[11vw] font-black leading-none tabular-nums">{latest?.queueNumber ?? labels.none}</p>
            {latest ? (
              <p className="text-[4vw] font-bold">
                {labels.counter} {latest.counterNumber}
              </p>
            ) : null}
          </section>

          <ul className="grid flex-1 auto-rows-fr grid-cols-[repeat(auto-fit,minmax(18vw,1fr))] gap-[1.5vw]">
            {state.counters.map((c) => (
              <li
                key={c.number}
                aria-labelledby={`display-counter-${c.number}`}
                className={`flex flex-col items-center justify-center rounded-[1.2vw] border-[0.3vw] ${fresh?.counterNumber === c.number ? "border-amber-300" : "border-slate-700"} bg-slate-900`}
              >
                <p id={`display-counter-${c.number}`} className="text-[2.2vw] font-semibold uppercase text-slate-200">
                  {labels.counter} {c.number}
                </p>
                <p className="text-[6vw] font-black leading-none text-amber-300 tabular-nums">{c.current?.queueNumber ?? labels.none}</p>
              </li>
            ))}
          </ul>
        </div>

        <section aria-label={labels.recent} className="flex flex-col rounded-[1.5vw] bg-slate-900 p-[1.5vw]">
          <h2 className="mb-[1vw] text-[2.4vw] font-bold uppercase">{labels.recent}</h2>
          <ol className="flex flex-1 flex-col gap-[0.8vw]">
            {state.recent.map((r) => (
              <li key={`${r.at}-${r.queueNumber}-${r.kind}`} className="flex items-baseline justify-between border-b border-slate-700 pb-[0.5vw]">
                <span className="text-[3.6vw] font-black tabular-nums text-amber-300">{r.queueNumber}</span>
                <span className="text-[2.2vw] font-semibold">
                  {labels.counter} {r.counterNumber}
                </span>
              </li>
            ))}
          </ol>
        </section>
      </main>

      {isConnected ? null : (
        <p role="status" className="absolute bottom-[1vw] left-1/2 -translate-x-1/2 rounded-full bg-red-700 px-[2vw] py-[0.6vw] text-[1.6vw] font-semibold">
          {labels.offline}
        </p>
      )}
      <SoundGate label={labels.enableSound} hint={labels.enableSoundHint} />
    </div>
  );
}
