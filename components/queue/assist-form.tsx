"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field, SelectField } from "@/components/ui/field";
import { assistBookingAction } from "@/lib/actions/assist";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";
import { PRIORITY_LABEL, PRIORITY_REASONS } from "@/lib/queue-labels";

/** `closed`: the office closed the session, with its public reason (shown instead of "full"). */
type Session = { id: string; label: string; remaining: number; closed?: string };

/** The citizen's details for a booking made at the counter; the service and date were chosen above. */
export function AssistForm({
  service,
  date,
  isToday,
  sessions,
  outage,
}: {
  service: string;
  date: string;
  isToday: boolean;
  sessions: Session[];
  /** A running disruption of the office's systems on that date (the citizen's date page shows it too). */
  outage?: string;
}) {
  const t = useT();
  const [state, action, pending] = useActionState<QueueFormState, FormData>(assistBookingAction, QUEUE_IDLE);
  const errors = state.fields ?? {};
  const values = state.values ?? {};
  // After a refusal the choices made stay chosen (a walk-in must not become an assisted booking, or the reverse).
  const channel = values.channel === "assisted" || !isToday ? "assisted" : "walk_in";
  const chosen = sessions.find((s) => s.id === values.session && s.remaining > 0)?.id ?? sessions.find((s) => s.remaining > 0)?.id;
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
        <legend className="font-semibold">{t("assist.channel")}</legend>
        {isToday ? (
          <label className="flex min-h-12 items-center gap-3">
            <input type="radio" name="channel" value="walk_in" defaultChecked={channel === "walk_in"} className="size-6" />
            {t("assist.walkIn")}
          </label>
        ) : null}
        <label className="flex min-h-12 items-center gap-3">
          <input type="radio" name="channel" value="assisted" defaultChecked={channel === "assisted"} className="size-6" />
          {t("assist.assisted")}
        </label>
        {groupError("channel")}
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={errors.session ? "session-error" : undefined}>
        <legend className="font-semibold">{t("assist.session")}</legend>
        {outage ? <p className="font-semibold text-amber-900">{outage}</p> : null}
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {sessions.map((s) => (
            <label key={s.id} className={`flex min-h-12 items-center gap-3 rounded-lg border-2 px-3 ${s.remaining > 0 ? "border-slate-300 bg-white" : "border-slate-200 bg-slate-100 text-muted"}`}>
              <input type="radio" name="session" value={s.id} disabled={s.remaining === 0} defaultChecked={s.id === chosen} className="size-6" />
              <span>
                {s.label} · {s.closed ? t("slots.closed", { reason: s.closed }) : s.remaining > 0 ? t("slots.remaining", { count: s.remaining }) : t("slots.full")}
              </span>
            </label>
          ))}
        </div>
        {groupError("session")}
      </fieldset>
      <Field label={t("assist.nik")} name="nik" inputMode="numeric" autoComplete="off" maxLength={24} defaultValue={values.nik} errors={errors.nik} required />
      <Field label={t("assist.name")} name="name" autoComplete="off" maxLength={100} defaultValue={values.name} errors={errors.name} required />
      <Field label={t("assist.phone")} name="phone" type="tel" inputMode="tel" autoComplete="off" maxLength={20} defaultValue={values.phone} errors={errors.phone} required />
      <Field label={t("assist.email")} name="email" type="email" optionalText={t("common.optional")} autoComplete="off" maxLength={254} defaultValue={values.email} errors={errors.email} />
      <SelectField
        name="priorityReason"
        label={t("assist.priority")}
        optionalText={t("common.optional")}
        defaultValue={values.priorityReason ?? ""}
        options={[{ value: "", label: t("assist.priorityNone") }, ...PRIORITY_REASONS.map((value) => ({ value, label: t(PRIORITY_LABEL[value]) }))]}
      />
      <Checkbox name="ageException" label={t("assist.ageException")} defaultChecked={values.ageException === "on"} errors={errors.ageException} />
      <Button type="submit" disabled={pending} className="w-full text-xl sm:w-auto">
        {pending ? t("assist.pending") : t("assist.submit")}
      </Button>
    </form>
  );
}
