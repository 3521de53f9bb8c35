"use client";

import { useEffect, useRef, useState } from "react";
import { useT, type ClientTranslator } from "@/components/i18n/translation-provider";
import type { QueueStatus } from "@/lib/queue-wait";
import { playTurnAlert, unlockTurnAlert } from "./turn-alert";

type Props = {
  reference: string;
  initial: QueueStatus;
  callCount: number;
  noShowAfterCalls: number;
  nearTurnAhead: number;
  checkInOpensAt: string | null;
  isToday: boolean;
  /** Open the event stream (today and still in the queue). */
  live: boolean;
};

const isNear = (s: QueueStatus, n: number) => s.status === "checked_in" && (s.ahead ?? Infinity) <= n;

/** The citizen's place in the queue; kept current over server-sent events while the visit is under way. */
export function LiveQueue(props: Props) {
  const { reference, live, nearTurnAhead } = props;
  const t = useT();
  const [status, setStatus] = useState(props.initial);
  const [calls, setCalls] = useState(props.callCount);
  const [isOffline, setIsOffline] = useState(false);
  const [alertsOn, setAlertsOn] = useState(false);
  const alerts = useRef(false);
  const near = isNear(status, nearTurnAhead);

  useEffect(() => {
    if (!live) return;
    const source = new EventSource(`/api/v1/queue/${reference}/events`);
    let previous = props.initial;
    source.addEventListener("status", (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as QueueStatus;
      if (alerts.current && isNear(next, nearTurnAhead) && !isNear(previous, nearTurnAhead)) playTurnAlert();
      previous = next;
      setStatus(next);
      setIsOffline(false);
    });
    source.addEventListener("calls", (e) => {
      setCalls((JSON.parse((e as MessageEvent<string>).data) as { count: number }).count);
      if (alerts.current) playTurnAlert();
    });
    source.onerror = () => setIsOffline(true);
    source.onopen = () => setIsOffline(false);
    return () => source.close();
  }, [live, reference, nearTurnAhead, props.initial]);

  const enableAlerts = () => {
    alerts.current = unlockTurnAlert() || "vibrate" in navigator;
    setAlertsOn(true);
    if (near) playTurnAlert();
  };

  return (
    <div className="space-y-4" data-testid="live-queue" data-status={status.status}>
      <div aria-live="polite" className="space-y-3">
        <Headline status={status} calls={calls} t={t} {...props} />
        {near ? (
          <p className="rounded-lg bg-amber-100 p-4 text-xl font-bold text-amber-900" data-testid="near-turn">
            {t("live.near")}
          </p>
        ) : null}
      </div>
      {props.isToday && status.status !== "done" && status.status !== "cancelled" ? <NowServing status={status} t={t} /> : null}
      {live ? (
        <div className="flex flex-col gap-2 text-sm text-muted">
          <p>{isOffline ? t("live.offline") : t("live.live")}</p>
          {status.status === "checked_in" ? (
            alertsOn ? (
              <p>{t("live.alertsEnabled")}</p>
            ) : (
              <button type="button" onClick={enableAlerts} className="min-h-12 rounded-lg border-2 border-brand-600 px-4 text-base font-semibold text-brand-700">
                {t("live.alertsOn")}
              </button>
            )
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Headline({ status, calls, t, noShowAfterCalls, checkInOpensAt, isToday }: Props & { status: QueueStatus; calls: number; t: ClientTranslator }) {
  const big = "text-3xl font-extrabold leading-tight sm:text-4xl";
  switch (status.status) {
    case "booked":
      if (!isToday) return status.etaMinutes ? <p className="text-lg">{t("live.typicalWait", status.etaMinutes)}</p> : null;
      return (
        <div className="space-y-1 text-lg">
          <p className="font-bold">{t("live.checkIn")}</p>
          <p>{checkInOpensAt ? t("live.checkInOpens", { time: checkInOpensAt }) : t("live.checkInOpen")}</p>
        </div>
      );
    case "checked_in":
      return (
        <div className="space-y-1">
          <p className={big} data-testid="ahead">
            {status.ahead === 0 ? t("live.next") : t("live.ahead", { count: status.ahead ?? 0 })}
          </p>
          {status.etaMinutes ? <p className="text-xl font-semibold">{t("live.eta", status.etaMinutes)}</p> : null}
          {status.counter ? <p className="text-lg">{t("live.transferred", { counter: status.counter })}</p> : null}
          <p className="text-sm text-muted">{t("live.etaNote")}</p>
        </div>
      );
    case "called":
      return (
        <div className="rounded-xl bg-brand-700 p-5 text-center text-white" data-testid="called" role="alert">
          <p className="text-lg">{t("live.calledNumber", { number: status.queueNumber })}</p>
          <p className="text-4xl font-extrabold leading-tight sm:text-5xl">{t("live.called", { counter: status.counter ?? "" })}</p>
          {calls > 1 ? <p className="mt-2 text-lg">{t("live.recalls", { count: calls, max: noShowAfterCalls })}</p> : null}
        </div>
      );
    case "serving":
      return <p className="text-2xl font-bold">{t("live.serving", { counter: status.counter ?? "" })}</p>;
    case "done":
      return <p className="text-2xl font-bold">{t("live.done")}</p>;
    case "no_show":
      // Called and not come, or (the sweep) never checked in: each has its own explanation.
      return <p className="text-lg font-semibold">{calls > 0 ? t("live.noShow", { count: calls }) : t("live.noShowMissed")}</p>;
    default:
      return null;
  }
}

function NowServing({ status, t }: { status: QueueStatus; t: ClientTranslator }) {
  return (
    <div>
      <h3 className="text-lg font-bold">{t("live.nowServing")}</h3>
      {status.nowServing.length === 0 ? (
        <p>{t("live.nobodyServing")}</p>
      ) : (
        <ul className="mt-1 grid grid-cols-1 gap-1 text-xl font-semibold min-[360px]:grid-cols-2">
          {status.nowServing.map((s) => (
            <li key={s.counter} className="rounded-md bg-slate-100 px-3 py-2">
              {t("live.nowServingRow", { counter: s.counter, number: s.number })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
