"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { SettingFieldset } from "./setting-fieldset";
import type { SettingGroup } from "./settings-form";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  groups: SettingGroup[];
  hidden?: Record<string, string>;
  submit: string;
  optionalText?: string;
  /** Labels the form for assistive technology when a page holds several. */
  label?: string;
};

/** A plain admin form from field definitions: errors per field, typed values kept after a refusal. */
export function FieldsForm({ action, groups, hidden = {}, submit, optionalText, label }: Props) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  return (
    <form action={formAction} aria-label={label} className="flex flex-col gap-4">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.fields?._ ? <Alert tone="error">{state.fields._.join(" ")}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {groups.map((group, gi) => (
        <SettingFieldset key={`${group.heading}-${gi}`} group={group} values={state.values} errors={state.fields} optionalText={optionalText} gap="gap-3" />
      ))}
      <Button type="submit" disabled={isPending} className="self-start">
        {submit}
      </Button>
    </form>
  );
}
