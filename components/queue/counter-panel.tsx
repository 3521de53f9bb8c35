"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { counterAction } from "@/lib/actions/queue";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";

export type CurrentCitizen = {
  reference: string;
  queueNumber: string;
  service: string;
  name: string | null;
  nikMasked: string;
  priority: string | null;
  status: "called" | "serving";
  statusLabel: string;
  callCount: number;
};

export type CounterPanelText = {
  callNext: string;
  current: string;
  nobodyCurrent: string;
  service: string;
  name: string;
  nik: string;
  calls: string;
  recall: string;
  start: string;
  finish: string;
  noShow: string;
  noShowHint: string;
  transferTo: string;
  transfer: string;
  counters: string;
  services: string;
  pending: string;
};

/**
 * One counter's controls. All buttons share one server action (by `intent`) and so one message area; the
 * page re-reads the counter after each action. No-show stays disabled until the office's N calls.
 */
export function CounterPanel({
  counter,
  current,
  noShowAfterCalls,
  targets,
  text,
}: {
  counter: number;
  current: CurrentCitizen | null;
  noShowAfterCalls: number;
  targets: { counters: { value: string; label: string }[]; services: { value: string; label: string }[] };
  text: CounterPanelText;
}) {
  const [state, action, pending] = useActionState<QueueFormState, FormData>(counterAction, QUEUE_IDLE);
  const big = "min-h-16 text-lg";
  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
        {state.status === "success" && state.notice ? <Alert tone="success">{state.notice}</Alert> : null}
      </div>
      <form action={action}>
        <input type="hidden" name="counter" value={counter} />
        <Button type="submit" name="intent" value="call" disabled={pending} className="min-h-20 w-full text-2xl">
          {pending ? text.pending : text.callNext}
        </Button>
      </form>

      <section aria-labelledby="current-heading" className="rounded-xl border-2 border-slate-300 bg-white p-4">
        <h2 id="current-heading" className="text-lg font-bold">
          {text.current}
        </h2>
        {current ? (
          <form action={action} className="mt-2 space-y-4">
            <input type="hidden" name="counter" value={counter} />
            <input type="hidden" name="reference" value={current.reference} />
            <p className="text-6xl font-bold tracking-wider">{current.queueNumber}</p>
            <p className="font-semibold">
              {current.statusLabel}
              {current.priority ? <span className="ml-2 rounded bg-amber-200 px-2 py-0.5">{current.priority}</span> : null}
            </p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="font-semibold">{text.service}</dt>
              <dd>{current.service}</dd>
              <dt className="font-semibold">{text.name}</dt>
              <dd>{current.name ?? "—"}</dd>
              <dt className="font-semibold">{text.nik}</dt>
              <dd className="font-mono">{current.nikMasked}</dd>
              <dt className="font-semibold">{text.calls}</dt>
              <dd>{current.callCount}</dd>
            </dl>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              {current.status === "called" ? (
                <>
                  <Button type="submit" name="intent" value="start" disabled={pending} className={big}>
                    {text.start}
                  </Button>
                  <Button type="submit" name="intent" value="recall" variant="secondary" disabled={pending} className={big}>
                    {text.recall}
                  </Button>
                  <div className="flex flex-col gap-1 sm:col-span-2">
                    <Button
                      type="submit"
                      name="intent"
                      value="no_show"
                      variant="danger"
                      disabled={pending || current.callCount < noShowAfterCalls}
                      aria-describedby="no-show-hint"
                      className={big}
                    >
                      {text.noShow}
                    </Button>
                    <p id="no-show-hint" className="text-sm text-muted">
                      {text.noShowHint}
                    </p>
                  </div>
                </>
              ) : (
                <Button type="submit" name="intent" value="finish" disabled={pending} className={`${big} sm:col-span-2`}>
                  {text.finish}
                </Button>
              )}
            </div>
            <div className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4">
              <div className="flex flex-col gap-1">
                <label htmlFor="transfer-target" className="font-semibold">
                  {text.transferTo}
                </label>
                <select id="transfer-target" name="target" className="min-h-12 rounded-lg border-2 border-slate-400 bg-white px-3">
                  <optgroup label={text.counters}>
                    {targets.counters.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={text.services}>
                    {targets.services.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </div>
              <Button type="submit" name="intent" value="transfer" variant="secondary" disabled={pending}>
                {text.transfer}
              </Button>
            </div>
          </form>
        ) : (
          <p className="mt-2">{text.nobodyCurrent}</p>
        )}
      </section>
    </div>
  );
}
