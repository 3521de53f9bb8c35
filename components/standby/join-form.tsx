"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field, SelectField } from "@/components/ui/field";
import { useFocusOnError } from "@/components/booking/booking-form-focus";
import { IDLE } from "@/lib/actions/form-state";
import { joinStandbyAction } from "@/lib/actions/standby";

type Text = {
  session: string; sessionHint: string; nik: string; nikHint: string; name: string; phone: string; phoneHint: string;
  consent: string; submit: string; sending: string;
};

/** Joining a full date's standby list; posts to a server action, so it works without JavaScript. */
export function StandbyJoinForm({ service, office, date, sessions, text }: { service: string; office?: string; date: string; sessions: { value: string; label: string }[]; text: Text }) {
  const [state, action, pending] = useActionState(joinStandbyAction, IDLE);
  const errorRef = useFocusOnError<HTMLDivElement>(state.status === "error", state);
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="service" value={service} />
      {office ? <input type="hidden" name="office" value={office} /> : null}
      <input type="hidden" name="date" value={date} />
      {state.status === "error" ? (
        <Alert tone="error" ref={errorRef} tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <SelectField label={text.session} name="session" errors={errors.session} options={sessions} defaultValue={state.values?.session ?? ""} />
      <p className="-mt-3 text-sm text-muted">
        {text.sessionHint}
      </p>
      <Field label={text.nik} name="nik" hint={text.nikHint} errors={errors.nik} inputMode="numeric" autoComplete="off" maxLength={24} required />
      <Field label={text.name} name="name" errors={errors.name} defaultValue={state.values?.name} autoComplete="name" maxLength={200} required />
      <Field label={text.phone} name="phone" hint={text.phoneHint} errors={errors.phone} defaultValue={state.values?.phone} type="tel" inputMode="tel" autoComplete="tel" maxLength={32} required />
      <Checkbox label={text.consent} name="consent" errors={errors.consent} required />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? text.sending : text.submit}
      </Button>
    </form>
  );
}
