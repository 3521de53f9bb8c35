"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import type { ResendState } from "@/lib/actions/outbox";

/** One "Resend" button per failed message; a plain form post, so it works without JavaScript too. */
export function ResendForm({ action, messageId, describedBy }: { action: (prev: ResendState, data: FormData) => Promise<ResendState>; messageId: string; describedBy: string }) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ResendState);
  return (
    <form action={formAction}>
      <input type="hidden" name="messageId" value={messageId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-describedby={describedBy}>
        {t("outbox.resend")}
      </Button>
      <p role="status" className="text-sm">
        {state.status === "success" ? state.notice : state.status === "error" ? state.message : null}
      </p>
    </form>
  );
}
