"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { cancelByStaffAction } from "@/lib/actions/assist";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";

/**
 * A supervisor's cancel for one booking, in two steps: "Batalkan…" opens the confirmation (what happens,
 * an optional reason for the audit log), and only its button cancels. A plain <details>, so it works
 * without JavaScript too; a slip of the mouse in a long list cancels nobody. The result or the refusal
 * shows in place.
 */
export function CancelForm({ reference, queueNumber }: { reference: string; queueNumber: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<QueueFormState, FormData>(cancelByStaffAction, QUEUE_IDLE);
  if (state.status === "success") return <p role="status">{state.notice}</p>;
  const reasonId = `cancel-reason-${reference}`;
  return (
    <details className="group" open={state.status === "error" || undefined}>
      <summary className="flex min-h-12 cursor-pointer list-none items-center rounded-lg border-2 border-red-700 px-3 text-red-800 hover:bg-red-50 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true">{t("today.cancel")}</span>
        <span className="sr-only">{t("today.cancelLabel", { number: queueNumber })}</span>
      </summary>
      <form action={action} className="mt-2 flex max-w-xs flex-col gap-2 rounded-lg border-2 border-red-200 bg-red-50 p-3">
        <input type="hidden" name="reference" value={reference} />
        <p className="text-sm">{t("today.cancelWarning", { number: queueNumber })}</p>
        <label htmlFor={reasonId} className="text-sm font-semibold">
          {t("today.cancelReason")} <span className="font-normal text-muted">{t("common.optional")}</span>
        </label>
        <input id={reasonId} name="reason" maxLength={200} autoComplete="off" className="min-h-12 rounded-lg border-2 border-slate-400 bg-white px-3 text-base" />
        <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-red-700 px-3 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
          {t("today.cancelConfirm", { number: queueNumber })}
        </button>
        {state.status === "error" ? <p role="alert" className="text-sm font-semibold text-red-800">{state.message}</p> : null}
      </form>
    </details>
  );
}
