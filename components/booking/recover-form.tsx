"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { IDLE } from "@/lib/actions/form-state";
import { recoverBookingAction } from "@/lib/actions/recover-booking";
import { useFocusOnError } from "./booking-form-focus";

type Text = { nik: string; nikHint: string; phone: string; phoneHint: string; submit: string; sending: string };

/** NIK + phone → the booking, for a lost reference. A plain form post without JavaScript. */
export function RecoverForm({ text }: { text: Text }) {
  const [state, action, pending] = useActionState(recoverBookingAction, IDLE);
  const errorRef = useFocusOnError<HTMLDivElement>(state.status === "error", state);
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.status === "error" ? (
        <Alert tone="error" ref={errorRef} tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <Field label={text.nik} name="nik" hint={text.nikHint} errors={errors.nik} inputMode="numeric" autoComplete="off" maxLength={24} required />
      <Field
        label={text.phone}
        name="phone"
        hint={text.phoneHint}
        errors={errors.phone}
        defaultValue={state.values?.phone}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
        required
      />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? text.sending : text.submit}
      </Button>
    </form>
  );
}
