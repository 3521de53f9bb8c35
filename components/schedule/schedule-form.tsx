"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Field, SelectField } from "@/components/ui/field";
import { scheduleAction, type ScheduleFormState } from "@/lib/actions/schedule";

export type FieldSpec = {
  name: string;
  label: string;
  type?: "text" | "date" | "number" | "time" | "hidden" | "textarea" | "select";
  value?: string;
  options?: { value: string; label: string }[];
  required?: boolean;
  optionalText?: string;
  hint?: string;
};

const IDLE: ScheduleFormState = { status: "idle" };

type Props = { id: string; op: string; title?: string; fields: FieldSpec[]; submit: string; danger?: boolean; inline?: boolean };

/**
 * One schedule change: its fields, then what happened. A change that would leave bookings over the cap
 * comes back with those bookings and the explicit choice (keep / cancel and notify), re-posting the same
 * values; nothing changes until staff choose. Works without JavaScript (the action re-renders the page).
 */
export function ScheduleForm({ id, op, title, fields, submit, danger, inline }: Props) {
  const t = useT();
  const [state, action, pending] = useActionState(scheduleAction, IDLE);
  const errors = state.fields ?? {};
  const value = (f: FieldSpec) => (state.status === "error" && state.values?.[f.name] !== undefined ? state.values[f.name] : f.value);
  return (
    <div className="space-y-3">
      <form action={action} className={inline ? "flex flex-wrap items-end gap-2" : "space-y-3"} aria-labelledby={title ? `${id}-title` : undefined} noValidate>
        {title ? (
          <h3 id={`${id}-title`} className="text-lg font-bold">
            {title}
          </h3>
        ) : null}
        <input type="hidden" name="op" value={op} />
        {fields.map((f) => {
          const fieldId = `${id}-${f.name}`;
          if (f.type === "hidden") return <input key={f.name} type="hidden" name={f.name} value={f.value ?? ""} />;
          if (f.type === "select") {
            return (
              <SelectField key={f.name} id={fieldId} name={f.name} label={f.label} errors={errors[f.name]} defaultValue={value(f)} options={f.options} optionalText={f.optionalText} />
            );
          }
          if (f.type === "textarea") {
            return (
              <div key={f.name} className="flex flex-col gap-1">
                <label htmlFor={fieldId} className="font-semibold">
                  {f.label}
                </label>
                <textarea
                  id={fieldId}
                  name={f.name}
                  rows={6}
                  defaultValue={value(f)}
                  aria-invalid={errors[f.name]?.length ? true : undefined}
                  className="rounded-lg border-2 border-slate-400 bg-white px-3 py-2 font-mono text-base"
                />
              </div>
            );
          }
          return (
            <Field
              key={f.name}
              id={fieldId}
              name={f.name}
              label={f.label}
              type={f.type ?? "text"}
              hint={f.hint}
              errors={errors[f.name]}
              defaultValue={value(f)}
              required={f.required}
              optionalText={f.optionalText}
              {...(f.type === "number" ? { min: 0, max: 10000, inputMode: "numeric" as const } : {})}
            />
          );
        })}
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
          {submit}
        </Button>
      </form>
      {state.status === "done" ? (
        <Alert tone="success" role="status">
          {state.done}
        </Alert>
      ) : null}
      {state.status === "error" && state.code !== "below_booked" ? (
        <Alert tone="error" role="alert">
          <p>{state.message}</p>
          {Object.keys(errors).length > 0 && !fields.some((f) => errors[f.name] && f.type !== "hidden" && f.type !== "textarea") ? (
            <ul className="list-disc pl-5">
              {Object.entries(errors).map(([field, messages]) => (
                <li key={field}>{messages.join(" ")}</li>
              ))}
            </ul>
          ) : null}
          {state.problems?.length ? (
            <>
              <p className="mt-2 font-semibold">{t("schedule.import.problems")}</p>
              <ul className="list-disc pl-5">
                {state.problems.map((p) => (
                  <li key={p.line}>
                    {t("schedule.import.lineLabel", { line: p.line })}: {p.message}
                    {p.text ? <code className="ml-2">{p.text}</code> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Alert>
      ) : null}
      {state.code === "below_booked" ? <ConflictChoice id={id} state={state} action={action} pending={pending} /> : null}
    </div>
  );
}

function ConflictChoice({ id, state, action, pending }: { id: string; state: ScheduleFormState; action: (data: FormData) => void; pending: boolean }) {
  const t = useT();
  const affected = state.affected ?? [];
  const titleId = `${id}-conflict`;
  // The heading counts what the list shows (the bookings the change would cancel); the intro says how many places are taken.
  const heading = t("schedule.conflict.title", { count: affected.length });
  return (
    <section aria-labelledby={titleId} role="alert" className="space-y-3 rounded-xl border-2 border-amber-600 bg-amber-50 p-4">
      <h4 id={titleId} className="text-lg font-bold">
        {heading}
      </h4>
      <p>{t("schedule.conflict.intro", { booked: state.booked ?? 0 })}</p>
      {affected.length === 0 ? (
        <p>{t("schedule.conflict.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <DataTable
            caption={heading}
            className="text-sm"
            rows={affected}
            rowKey={(b) => b.reference}
            columns={[
              { header: t("schedule.conflict.reference"), rowHeader: true, className: "font-mono", cell: (b) => b.referenceDisplay },
              { header: t("schedule.conflict.queue"), cell: (b) => b.queueNumber },
              { header: t("schedule.conflict.name"), cell: (b) => b.name },
              {
                header: t("schedule.conflict.phone"),
                cell: (b) => (
                  <>
                    {b.phone ?? "—"}
                    {b.whatsapp ? (
                      <>
                        {" "}
                        <a href={b.whatsapp} rel="noopener noreferrer" target="_blank" className="font-semibold">
                          {t("schedule.conflict.whatsapp", { name: b.name })}
                        </a>
                      </>
                    ) : null}
                  </>
                ),
              },
              { header: t("schedule.conflict.slot"), cell: (b) => `${b.date} ${b.session}` },
            ]}
          />
        </div>
      )}
      <form action={action} className="flex flex-wrap gap-2">
        {Object.entries(state.values ?? {})
          .filter(([name]) => name !== "onConflict")
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <Button type="submit" name="onConflict" value="keep" variant="secondary" disabled={pending}>
          {t("schedule.conflict.keep")}
        </Button>
        <Button type="submit" name="onConflict" value="cancel_and_rebook" variant="danger" disabled={pending}>
          {t("schedule.conflict.cancel")}
        </Button>
      </form>
    </section>
  );
}
