"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorAlert } from "@/components/ui/form-error";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Variant = "primary" | "danger";

/** A server-action form that shows the action's error above its fields; works without JavaScript. */
export function ActionForm({
  action,
  hidden,
  submitLabel,
  pendingLabel,
  variant = "primary",
  children,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  variant?: Variant;
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
      <Button type="submit" variant={variant} disabled={pending} className="w-full sm:w-auto">
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
