"use client";

import { useActionState } from "react";
import type { StaffRole } from "@/db/schema";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { createStaffAction } from "@/lib/actions/staff-users";

type Props = {
  roles: readonly StaffRole[];
  /** The submit button's text where it differs from "create account" (a service point's first account). */
  submitLabel?: string;
  /** Another action with the same fields (a service point's first account); `hidden` names its target. */
  action?: (previous: FormState, formData: FormData) => Promise<FormState>;
  hidden?: Record<string, string>;
  defaultRole?: StaffRole;
  /** Names the form for assistive technology where a page holds several. */
  label?: string;
};

export function CreateStaffForm({ roles, submitLabel, action: submitTo = createStaffAction, hidden = {}, defaultRole = "operator", label }: Props) {
  const t = useT();
  const [state, action, isPending] = useActionState(submitTo, IDLE);
  return (
    <form action={action} aria-label={label} className="flex flex-col gap-4">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field label={t("staff.users.name")} name="name" autoComplete="off" required defaultValue={state.values?.name} errors={state.fields?.name} />
      <Field label={t("staff.users.email")} name="email" type="email" autoComplete="off" required defaultValue={state.values?.email} errors={state.fields?.email} />
      <SelectField name="role" label={t("staff.users.role")} options={roles.map((role) => ({ value: role, label: t(`staff.role.${role}`) }))} defaultValue={state.values?.role ?? defaultRole} errors={state.fields?.role} />
      <Field label={t("staff.users.initialPassword")} name="password" type="password" autoComplete="new-password" required minLength={12} hint={t("staff.users.passwordHint")} errors={state.fields?.password} />
      <Button type="submit" disabled={isPending} className="self-start">
        {submitLabel ?? t("staff.users.create")}
      </Button>
    </form>
  );
}
