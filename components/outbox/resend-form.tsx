"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ResendState } from "@/lib/actions/outbox";

/** One "Resend" button per failed message; a plain form post, so it works without JavaScript too. */
export function ResendForm({ action, messageId, label, describedBy }: { action: (prev: ResendState, data: FormData) => Promise<ResendState>; messageId: string; label: string; describedBy: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ResendState);
  return (
    <form action={formAction}>
      <input type="hidden" name="messageId" value={messageId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-describedby={describedBy}>
        {label}
      </Button>
      <p role="status" className="text-sm">
        {state.status === "success" ? state.notice : state.status === "error" ? state.message : null}
      </p>
    </form>
  );
}
