"use client";

import { SelectField } from "@/components/ui/field";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { setPriorityAction, type CheckedInView } from "@/lib/actions/check-in";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";

export type CheckInResultText = {
  heading: string;
  queueNumber: string;
  name: string;
  nik: string;
  service: string;
  session: string;
  status: string;
  reference: string;
  priority: string;
  priorityReason: string;
  priorityOptions: { value: string; label: string }[];
  prioritySubmit: string;
};

/** Who was just checked in, large enough to read out; and a way to mark them as priority. */
export function CheckInResult({ view, notice, text }: { view: CheckedInView; notice?: string; text: CheckInResultText }) {
  const [priorityState, priorityAction, pending] = useActionState<QueueFormState<CheckedInView>, FormData>(setPriorityAction, QUEUE_IDLE);
  const current = priorityState.result?.reference === view.reference ? priorityState.result : view;
  return (
    <section aria-labelledby="check-in-result" className="rounded-xl border-2 border-green-700 bg-green-50 p-4">
      <h2 id="check-in-result" className="text-xl font-bold">
        {text.heading}
      </h2>
      {notice ? <p role="status" className="mt-1 font-semibold">{priorityState.notice ?? notice}</p> : null}
      <p className="mt-3 text-sm">{text.queueNumber}</p>
      <p className="text-5xl font-bold tracking-wider">{current.queueNumber}</p>
      {current.priority ? <p className="mt-2 inline-block rounded bg-amber-200 px-2 py-1 font-semibold">{`${text.priority}: ${current.priority}`}</p> : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{text.name}</dt>
        <dd>{current.name ?? "—"}</dd>
        <dt className="font-semibold">{text.nik}</dt>
        <dd className="font-mono">{current.nikMasked}</dd>
        <dt className="font-semibold">{text.service}</dt>
        <dd>{current.service}</dd>
        <dt className="font-semibold">{text.session}</dt>
        <dd>{current.session}</dd>
        <dt className="font-semibold">{text.status}</dt>
        <dd>{current.status}</dd>
        <dt className="font-semibold">{text.reference}</dt>
        <dd className="font-mono">{current.referenceDisplay}</dd>
      </dl>
      {current.canSetPriority && !current.priority ? (
        <form action={priorityAction} className="mt-4 flex flex-wrap items-end gap-3">
          <input type="hidden" name="reference" value={current.reference} />
          <SelectField id="priority-reason" name="reason" label={text.priorityReason} options={text.priorityOptions} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {text.prioritySubmit}
          </Button>
        </form>
      ) : null}
      {priorityState.status === "error" ? <Alert tone="error" className="mt-3">{priorityState.message}</Alert> : null}
    </section>
  );
}
