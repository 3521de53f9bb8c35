"use client";

import { useCallback, useEffect, useState } from "react";
import { callAnnouncement, speechLang } from "@/lib/announcement";
import type { DisplayCall, DisplayState } from "@/lib/dal/display";
import { RECENT_CALLS } from "@/lib/display-events";
import { useT } from "@/components/i18n/translation-provider";
import { Clock } from "./clock";
import { CounterTiles } from "./counter-tiles";
import { SoundGate } from "./sound-gate";
import { announce } from "./speaker";
import { useDisplayEvents } from "./use-display-events";
import { intlLocale } from "@/lib/format";

/** How long a fresh call stays highlighted: long enough to be noticed from across the room. */
const HIGHLIGHT_MS = 10_000;

/** The waiting-room TV: the latest call huge, every counter's current number, the last calls; one screen, no scrolling. */
export function CallDisplay({ initial, now }: { initial: DisplayState; now: string }) {
  const t = useT();
  const locale = t.locale;
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
  // Sizes follow the smaller of width and height (min(vw, vh)) or the box they sit in (cqw/cqh), so
  // nothing is pushed below a 16:9 screen and no number wraps, whatever the TV's resolution.
  return (
    <div className="fixed inset-0 grid grid-rows-[auto_minmax(0,1fr)] overflow-hidden bg-slate-950 text-white">
      <header className="flex items-center justify-between gap-[2vw] border-b-[0.5vh] border-amber-300 px-[2vw] py-[1.2vh]">
        <div className="min-w-0">
          <p className="truncate text-[length:min(3vw,5.3vh)] leading-tight font-bold">{state.office.shortName}</p>
          {state.office.name !== state.office.shortName ? <p className="truncate text-[length:min(1.6vw,2.8vh)] text-slate-300">{state.office.name}</p> : null}
        </div>
        <Clock timeZone={state.office.timezone} locale={intlLocale(locale)} initial={now} />
      </header>

      <main className="grid min-h-0 grid-cols-[minmax(0,2fr)_minmax(0,1fr)] gap-[1.5vh] p-[1.5vh]">
        {/* Many counters take more of the height, so their tiles stay readable from the back of the room. */}
        <div className={`grid min-h-0 gap-[1.5vh] ${state.counters.length > 6 ? "grid-rows-[minmax(0,1fr)_minmax(0,2fr)]" : "grid-rows-[minmax(0,2fr)_minmax(0,3fr)]"}`}>
          <section
            aria-live="assertive"
            aria-label={t("devices.display.nowCalling")}
            className={`@container-size flex min-h-0 flex-col items-center justify-center overflow-hidden rounded-[1.5vh] ${fresh ? "animate-pulse bg-amber-300 text-black" : "bg-slate-800"}`}
          >
            <p className="max-w-full overflow-hidden text-[length:min(10cqh,3.2cqw)] leading-[1.15] font-semibold tracking-wide whitespace-nowrap uppercase">
              {t("devices.display.nowCalling")}
              {latest?.kind === "recall" ? ` · ${t("devices.display.recall")}` : ""}
            </p>
            <p data-queue-number className="max-w-full overflow-hidden text-[length:min(50cqh,24cqw)] leading-none font-black whitespace-nowrap tabular-nums">
              {latest?.queueNumber ?? t("devices.display.none")}
            </p>
            {latest ? (
              <p className="max-w-full overflow-hidden text-[length:min(14cqh,6cqw)] leading-[1.15] font-bold whitespace-nowrap">
                {t("devices.display.counter")} {latest.counterNumber}
              </p>
            ) : null}
          </section>

          <CounterTiles counters={state.counters} highlight={fresh?.counterNumber ?? null} counterLabel={t("devices.display.counter")} none={t("devices.display.none")} />
        </div>

        <section aria-label={t("devices.display.recent")} className="grid min-h-0 grid-rows-[auto_minmax(0,1fr)] rounded-[1.5vh] bg-slate-900 p-[1.5vh]">
          <h2 className="mb-[1vh] truncate text-[length:min(2.2vw,3.9vh)] font-bold uppercase">{t("devices.display.recent")}</h2>
          <ol className="@container-size grid min-h-0 gap-[0.8vh]" style={{ gridTemplateRows: `repeat(${RECENT_CALLS}, minmax(0, 1fr))` }}>
            {state.recent.map((r) => (
              <li key={`${r.at}-${r.queueNumber}-${r.kind}`} className="flex min-h-0 items-center justify-between gap-[1vh] overflow-hidden border-b border-slate-700">
                <span data-queue-number className="text-[length:min(10cqh,20cqw)] leading-none font-black whitespace-nowrap text-amber-300 tabular-nums">
                  {r.queueNumber}
                </span>
                <span className="text-[length:min(5.5cqh,11cqw)] leading-none font-semibold whitespace-nowrap">
                  {t("devices.display.counter")} {r.counterNumber}
                </span>
              </li>
            ))}
          </ol>
        </section>
      </main>

      {isConnected ? null : (
        <p role="status" className="absolute bottom-[1vw] left-1/2 -translate-x-1/2 rounded-full bg-red-700 px-[2vw] py-[0.6vw] text-[1.6vw] font-semibold">
          {t("devices.display.offline")}
        </p>
      )}
      <SoundGate label={t("devices.display.enableSound")} hint={t("devices.display.enableSoundHint")} />
    </div>
  );
}
