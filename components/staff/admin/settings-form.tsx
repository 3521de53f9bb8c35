"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field, SelectField } from "@/components/ui/field";
import { IDLE } from "@/lib/actions/form-state";
import { officeSettingsAction, type SettingsFormState } from "@/lib/actions/office-settings";

export type SettingField = {
  name: string;
  label: string;
  hint?: string;
  type: "number" | "time" | "text" | "url" | "checkbox" | "select" | "file";
  /** The control's id where a page holds several forms with the same field (default `field-{name}`). */
  id?: string;
  /** A file field's accepted types (the server checks the bytes anyway). */
  accept?: string;
  value: string;
  min?: number;
  max?: number;
  options?: { value: string; label: string }[];
  optional?: boolean;
};
export type SettingGroup = { heading: string; fields: SettingField[] };
export type SettingsLabels = {
  preview: string;
  save: string;
  previewHeading: string;
  previewIntro: string;
  date: string;
  now: string;
  after: string;
  closed: string;
  /** id-ID or en-GB, for the preview's dates. */
  dateLocale: string;
};

function formatDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

export function SettingsForm({ groups, labels }: { groups: SettingGroup[]; labels: SettingsLabels }) {
  const [state, action, isPending] = useActionState<SettingsFormState, FormData>(officeSettingsAction, IDLE);
  const valueOf = (f: SettingField) => state.values?.[f.name] ?? f.value;
  return (
    <form action={action} className="flex flex-col gap-6">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {groups.map((group) => (
        <fieldset key={group.heading} className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4">
          <legend className="px-1 text-lg font-bold">{group.heading}</legend>
          {group.fields.map((f) =>
            f.type === "checkbox" ? (
              <Checkbox key={f.name} name={f.name} label={f.label} defaultChecked={valueOf(f) === "on" || valueOf(f) === "true"} errors={state.fields?.[f.name]} />
            ) : f.type === "select" ? (
              <SelectField key={f.name} name={f.name} label={f.label} options={f.options} defaultValue={valueOf(f)} errors={state.fields?.[f.name]} />
            ) : (
              <Field
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                type={f.type}
                inputMode={f.type === "number" ? "numeric" : undefined}
                min={f.min}
                max={f.max}
                defaultValue={valueOf(f)}
                errors={state.fields?.[f.name]}
              />
            ),
          )}
        </fieldset>
      ))}
      {state.preview ? (
        <section aria-labelledby="preview-heading" className="rounded-xl border-2 border-brand-600 bg-white p-4">
          <h2 id="preview-heading" className="text-xl font-bold">{labels.previewHeading}</h2>
          <p className="mb-3">{labels.previewIntro}</p>
          <table className="w-full text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{labels.date}</th>
                <th scope="col" className="py-2 pr-4">{labels.now}</th>
                <th scope="col" className="py-2 pr-4">{labels.after}</th>
              </tr>
            </thead>
            <tbody>
              {state.preview.map((d) => {
                const differs = d.before.places !== d.after.places || d.before.open !== d.after.open;
                return (
                  <tr key={d.date} className={`border-b border-slate-200 ${differs ? "bg-amber-50 font-semibold" : ""}`}>
                    <th scope="row" className="py-2 pr-4 font-normal">{formatDay(d.date, labels.dateLocale)}</th>
                    <td className="py-2 pr-4">{d.before.open ? d.before.places : labels.closed}</td>
                    <td className="py-2 pr-4">{d.after.open ? d.after.places : labels.closed}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={isPending}>
          {labels.preview}
        </Button>
        <Button type="submit" name="intent" value="save" disabled={isPending}>
          {labels.save}
        </Button>
      </div>
    </form>
  );
}
