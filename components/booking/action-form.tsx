"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorAlert } from "@/components/ui/form-error";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Variant = "primary" | "danger";

/**
 * A server-action form that shows the action's error above its fields; works without JavaScript.
 * `canSubmit: false` leaves the send button out (a date picker showing a closed or full date offers the
 * next date instead: the button could only answer "choose a session").
 */
export function ActionForm({
  action,
  hidden,
  submitLabel,
  pendingLabel,
  variant = "primary",
  canSubmit = true,
  children,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  variant?: Variant;
  canSubmit?: boolean;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-4">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormErrorAlert state={state} />
      {children}
      {canSubmit ? (
        <Button type="submit" variant={variant} disabled={pending} className="w-full sm:w-auto">
          {pending ? pendingLabel : submitLabel}
        </Button>
      ) : null}
    </form>
  );
}
