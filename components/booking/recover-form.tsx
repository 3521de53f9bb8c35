"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { IDLE } from "@/lib/actions/form-state";
import { recoverBookingAction } from "@/lib/actions/recover-booking";
import { useT } from "@/components/i18n/translation-provider";
import { useFocusOnError } from "./booking-form-focus";

/** NIK + phone → the booking, for a lost reference. A plain form post without JavaScript. */
export function RecoverForm() {
  const t = useT();
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
      <Field label={t("details.nik")} name="nik" hint={t("details.nikHint")} errors={errors.nik} inputMode="numeric" autoComplete="off" maxLength={24} required />
      <Field
        label={t("details.phone")}
        name="phone"
        hint={t("recover.phoneHint")}
        errors={errors.phone}
        defaultValue={state.values?.phone}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
        required
      />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.loading") : t("recover.submit")}
      </Button>
    </form>
  );
}
