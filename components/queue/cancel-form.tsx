"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { cancelByStaffAction } from "@/lib/actions/assist";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";

/** A supervisor's cancel button for one booking; the result or the refusal shows next to it. */
export function CancelForm({ reference, queueNumber }: { reference: string; queueNumber: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<QueueFormState, FormData>(cancelByStaffAction, QUEUE_IDLE);
  if (state.status === "success") return <p role="status">{state.notice}</p>;
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="reference" value={reference} />
      <button type="submit" disabled={pending} aria-label={t("today.cancelLabel", { number: queueNumber })} className="min-h-12 rounded-lg border-2 border-red-700 px-3 text-red-800 hover:bg-red-50 disabled:opacity-60">
        {t("today.cancel")}
      </button>
      {state.status === "error" ? <p role="alert" className="text-sm font-semibold text-red-800">{state.message}</p> : null}
    </form>
  );
}
