"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { setPriorityAction, type CheckedInView } from "@/lib/actions/check-in";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";
import { PRIORITY_LABEL, PRIORITY_REASONS } from "@/lib/queue-labels";

/** Who was just checked in, large enough to read out; and a way to mark them as priority. */
export function CheckInResult({ view, notice }: { view: CheckedInView; notice?: string }) {
  const t = useT();
  const [priorityState, priorityAction, pending] = useActionState<QueueFormState<CheckedInView>, FormData>(setPriorityAction, QUEUE_IDLE);
  const current = priorityState.result?.reference === view.reference ? priorityState.result : view;
  return (
    <section aria-labelledby="check-in-result" className="rounded-xl border-2 border-green-700 bg-green-50 p-4">
      <h2 id="check-in-result" className="text-xl font-bold">
        {t("checkIn.result.heading")}
      </h2>
      {notice ? <p role="status" className="mt-1 font-semibold">{priorityState.notice ?? notice}</p> : null}
      <p className="mt-3 text-sm">{t("checkIn.result.queueNumber")}</p>
      <p className="text-5xl font-bold tracking-wider">{current.queueNumber}</p>
      {current.priority ? <p className="mt-2 inline-block rounded bg-amber-200 px-2 py-1 font-semibold">{`${t("queue.priority.badge")}: ${current.priority}`}</p> : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("checkIn.result.name")}</dt>
        <dd>{current.name ?? "—"}</dd>
        <dt className="font-semibold">{t("checkIn.result.nik")}</dt>
        <dd className="font-mono">{current.nikMasked}</dd>
        <dt className="font-semibold">{t("checkIn.result.service")}</dt>
        <dd>{current.service}</dd>
        <dt className="font-semibold">{t("checkIn.result.session")}</dt>
        <dd>{current.session}</dd>
        <dt className="font-semibold">{t("checkIn.result.status")}</dt>
        <dd>{current.status}</dd>
        <dt className="font-semibold">{t("checkIn.result.reference")}</dt>
        <dd className="font-mono">{current.referenceDisplay}</dd>
      </dl>
      {current.canSetPriority && !current.priority ? (
        <form action={priorityAction} className="mt-4 flex flex-wrap items-end gap-3">
          <input type="hidden" name="reference" value={current.reference} />
          <SelectField id="priority-reason" name="reason" label={t("checkIn.priorityReason")} options={PRIORITY_REASONS.map((value) => ({ value, label: t(PRIORITY_LABEL[value]) }))} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("checkIn.prioritySubmit")}
          </Button>
        </form>
      ) : null}
      {priorityState.status === "error" ? <Alert tone="error" className="mt-3">{priorityState.message}</Alert> : null}
    </section>
  );
}
