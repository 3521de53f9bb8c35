"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { assistBookingAction } from "@/lib/actions/assist";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";

export type AssistFormText = {
  channel: string;
  walkIn: string;
  assisted: string;
  session: string;
  full: string;
  nik: string;
  name: string;
  phone: string;
  email: string;
  optional: string;
  priority: string;
  priorityNone: string;
  submit: string;
  pending: string;
};

type Session = { id: string; label: string; remaining: number; remainingText: string };

/** The citizen's details for a booking made at the counter; the service and date were chosen above. */
export function AssistForm({
  service,
  date,
  isToday,
  sessions,
  priorityOptions,
  text,
}: {
  service: string;
  date: string;
  isToday: boolean;
  sessions: Session[];
  priorityOptions: { value: string; label: string }[];
  text: AssistFormText;
}) {
  const [state, action, pending] = useActionState<QueueFormState, FormData>(assistBookingAction, QUEUE_IDLE);
  const errors = state.fields ?? {};
  const values = state.values ?? {};
  const firstOpen = sessions.find((s) => s.remaining > 0)?.id;
  const groupError = (field: string) =>
    errors[field]?.length ? (
      <p id={`${field}-error`} className="text-sm font-semibold text-red-800">
        {errors[field]!.join(" ")}
      </p>
    ) : null;
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="service" value={service} />
      <input type="hidden" name="date" value={date} />
      {state.status === "error" ? <Alert tone="error">{[state.message, ...(errors.service ?? []), ...(errors.date ?? [])].join(" ")}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="font-semibold">{text.channel}</legend>
        {isToday ? (
          <label className="flex min-h-12 items-center gap-3">
            <input type="radio" name="channel" value="walk_in" defaultChecked className="size-6" />
            {text.walkIn}
          </label>
        ) : null}
        <label className="flex min-h-12 items-center gap-3">
          <input type="radio" name="channel" value="assisted" defaultChecked={!isToday} className="size-6" />
          {text.assisted}
        </label>
        {groupError("channel")}
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={errors.session ? "session-error" : undefined}>
        <legend className="font-semibold">{text.session}</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {sessions.map((s) => (
            <label key={s.id} className={`flex min-h-12 items-center gap-3 rounded-lg border-2 px-3 ${s.remaining > 0 ? "border-slate-300 bg-white" : "border-slate-200 bg-slate-100 text-muted"}`}>
              <input type="radio" name="session" value={s.id} disabled={s.remaining === 0} defaultChecked={s.id === firstOpen} className="size-6" />
              <span>
                {s.label} · {s.remaining > 0 ? s.remainingText : text.full}
              </span>
            </label>
          ))}
        </div>
        {groupError("session")}
      </fieldset>
      <Field label={text.nik} name="nik" inputMode="numeric" autoComplete="off" maxLength={24} defaultValue={values.nik} errors={errors.nik} required />
      <Field label={text.name} name="name" autoComplete="off" maxLength={100} defaultValue={values.name} errors={errors.name} required />
      <Field label={text.phone} name="phone" type="tel" inputMode="tel" autoComplete="off" maxLength={20} defaultValue={values.phone} errors={errors.phone} required />
      <Field label={text.email} name="email" type="email" optionalText={text.optional} autoComplete="off" maxLength={254} defaultValue={values.email} errors={errors.email} />
      <SelectField
        name="priorityReason"
        label={text.priority}
        optionalText={text.optional}
        defaultValue={values.priorityReason ?? ""}
        options={[{ value: "", label: text.priorityNone }, ...priorityOptions]}
      />
      <Button type="submit" disabled={pending} className="w-full text-xl sm:w-auto">
        {pending ? text.pending : text.submit}
      </Button>
    </form>
  );
}
