"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field, SelectField } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/actions/form-state";
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
  const valueOf = (name: string, fallback: string) => state.values?.[name] ?? fallback;
  return (
    <form action={formAction} aria-label={label} className="flex flex-col gap-4">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.fields?._ ? <Alert tone="error">{state.fields._.join(" ")}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {groups.map((group, gi) => (
        <fieldset key={`${group.heading}-${gi}`} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
          <legend className="px-1 text-lg font-bold">{group.heading}</legend>
          {group.fields.map((f) =>
            f.type === "checkbox" ? (
              <Checkbox key={f.name} name={f.name} label={f.label} defaultChecked={valueOf(f.name, f.value) === "on"} errors={state.fields?.[f.name]} />
            ) : f.type === "file" ? (
              <Field
                key={f.name}
                name={f.name}
                id={f.id ?? `field-${f.name}`}
                label={f.label}
                hint={f.hint}
                type="file"
                accept={f.accept}
                optionalText={f.optional ? optionalText : undefined}
                errors={state.fields?.[f.name]}
              />
            ) : f.type === "select" ? (
              <SelectField key={f.name} name={f.name} label={f.label} options={f.options} defaultValue={valueOf(f.name, f.value)} errors={state.fields?.[f.name]} />
            ) : (
              <Field
                key={f.name}
                name={f.name}
                id={f.id ?? `field-${f.name.replace(/\./g, "-")}`}
                label={f.label}
                hint={f.hint}
                type={f.type}
                inputMode={f.type === "number" ? "numeric" : undefined}
                min={f.min}
                max={f.max}
                optionalText={f.optional ? optionalText : undefined}
                defaultValue={valueOf(f.name, f.value)}
                errors={state.fields?.[f.name]}
              />
            ),
          )}
        </fieldset>
      ))}
      <Button type="submit" disabled={isPending} className="self-start">
        {submit}
      </Button>
    </form>
  );
}
