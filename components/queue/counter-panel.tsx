"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { counterAction } from "@/lib/actions/queue";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";
import type { PRIORITY_LABEL } from "@/lib/queue-labels";
import { CounterCitizen } from "./counter-citizen";

export type CurrentCitizen = {
  reference: string;
  queueNumber: string;
  service: string;
  name: string | null;
  nikMasked: string;
  /** Null: not a priority citizen; "badge": priority without a recorded reason. */
  priority: keyof typeof PRIORITY_LABEL | "badge" | null;
  status: "called" | "serving";
  callCount: number;
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
}: {
  counter: number;
  open: CurrentCitizen[];
  noShowAfterCalls: number;
  targets: { counters: { value: string; label: string }[]; services: { value: string; label: string }[] };
}) {
  const t = useT();
  const [state, action, pending] = useActionState<QueueFormState, FormData>(counterAction, QUEUE_IDLE);
  /** Why "call next" is off while a citizen is open at the counter; null when it is on. */
  const callNextBlocked = open[0] ? t("counter.callNextBlocked", { number: open[0].queueNumber }) : null;
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
          disabled={pending || callNextBlocked !== null}
          aria-describedby={callNextBlocked ? "call-next-blocked" : undefined}
          className="min-h-20 w-full text-2xl"
        >
          {pending ? t("counter.pending") : t("counter.callNext")}
        </Button>
        {callNextBlocked ? (
          <p id="call-next-blocked" className="font-semibold text-amber-900">
            {callNextBlocked}
          </p>
        ) : null}
      </form>
      <section aria-labelledby="current-heading" className="space-y-4 rounded-xl border-2 border-slate-300 bg-white p-4">
        <h2 id="current-heading" className="text-lg font-bold">
          {t("counter.current")}
        </h2>
        {open.length === 0 ? <p>{t("counter.nobodyCurrent")}</p> : null}
        {open.map((citizen) => (
          <CounterCitizen
            key={citizen.reference}
            citizen={citizen}
            counter={counter}
            action={action}
            pending={pending}
            noShowAfterCalls={noShowAfterCalls}
            targets={targets}
          />
        ))}
      </section>
    </div>
  );
}
