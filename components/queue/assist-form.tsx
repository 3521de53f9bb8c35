"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { assistBookingAction } from "@/lib/actions/assist";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";
import { PRIORITY_LABEL, PRIORITY_REASONS } from "@/lib/queue-labels";

type Session = { id: string; label: string; remaining: number };

/** The citizen's details for a booking made at the counter; the service and date were chosen above. */
export function AssistForm({
  service,
  date,
  isToday,
  sessions,
}: {
  service: string;
  date: string;
  isToday: boolean;
  sessions: Session[];
}) {
  const t = useT();
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
        <legend className="font-semibold">{t("assist.channel")}</legend>
        {isToday ? (
          <label className="flex min-h-12 items-center gap-3">
            <input type="radio" name="channel" value="walk_in" defaultChecked className="size-6" />
            {t("assist.walkIn")}
          </label>
        ) : null}
        <label className="flex min-h-12 items-center gap-3">
          <input type="radio" name="channel" value="assisted" defaultChecked={!isToday} className="size-6" />
          {t("assist.assisted")}
        </label>
        {groupError("channel")}
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={errors.session ? "session-error" : undefined}>
        <legend className="font-semibold">{t("assist.session")}</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {sessions.map((s) => (
            <label key={s.id} className={`flex min-h-12 items-center gap-3 rounded-lg border-2 px-3 ${s.remaining > 0 ? "border-slate-300 bg-white" : "border-slate-200 bg-slate-100 text-muted"}`}>
              <input type="radio" name="session" value={s.id} disabled={s.remaining === 0} defaultChecked={s.id === firstOpen} className="size-6" />
              <span>
                {s.label} · {s.remaining > 0 ? t("slots.remaining", { count: s.remaining }) : t("slots.full")}
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
      <Button type="submit" disabled={pending} className="w-full text-xl sm:w-auto">
        {pending ? t("assist.pending") : t("assist.submit")}
      </Button>
    </form>
  );
}
