"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { counterAction } from "@/lib/actions/queue";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";
import { CounterCitizen } from "./counter-citizen";

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
  /** Why "call next" is off while a citizen is open at the counter; null when it is on. */
  callNextBlocked: string | null;
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
 * One counter's controls. Every button posts to one server action (by `intent`), so there is one message
 * area, and it all works as plain forms without JavaScript; the page re-reads the counter afterwards.
 * One citizen at a time: while one is called or served, "call next" is off and says why (the data layer
 * refuses it too). Should older data hold more than one open citizen, each is listed, newest first.
 */
export function CounterPanel({
  counter,
  open,
  noShowAfterCalls,
  targets,
  text,
}: {
  counter: number;
  open: CurrentCitizen[];
  noShowAfterCalls: number;
  targets: { counters: { value: string; label: string }[]; services: { value: string; label: string }[] };
  text: CounterPanelText;
}) {
  const [state, action, pending] = useActionState<QueueFormState, FormData>(counterAction, QUEUE_IDLE);
  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
        {state.status === "success" && state.notice ? <Alert tone="success">{state.notice}</Alert> : null}
      </div>
      <form action={action} className="space-y-2">
        <input type="hidden" name="counter" value={counter} />
        <Button
          type="submit"
          name="intent"
          value="call"
          disabled={pending || text.callNextBlocked !== null}
          aria-describedby={text.callNextBlocked ? "call-next-blocked" : undefined}
          className="min-h-20 w-full text-2xl"
        >
          {pending ? text.pending : text.callNext}
        </Button>
        {text.callNextBlocked ? (
          <p id="call-next-blocked" className="font-semibold text-amber-900">
            {text.callNextBlocked}
          </p>
        ) : null}
      </form>
      <section aria-labelledby="current-heading" className="space-y-4 rounded-xl border-2 border-slate-300 bg-white p-4">
        <h2 id="current-heading" className="text-lg font-bold">
          {text.current}
        </h2>
        {open.length === 0 ? <p>{text.nobodyCurrent}</p> : null}
        {open.map((citizen) => (
          <CounterCitizen
            key={citizen.reference}
            citizen={citizen}
            counter={counter}
            action={action}
            pending={pending}
            noShowAfterCalls={noShowAfterCalls}
            targets={targets}
            text={text}
          />
        ))}
      </section>
    </div>
  );
}
