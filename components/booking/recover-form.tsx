"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorAlert } from "@/components/ui/form-error";
import { IDLE } from "@/lib/actions/form-state";
import { recoverBookingAction } from "@/lib/actions/recover-booking";
import { useT } from "@/components/i18n/translation-provider";
import { NikField, PhoneField } from "./citizen-fields";

/** NIK + phone → the booking, for a lost reference. A plain form post without JavaScript. */
export function RecoverForm() {
  const t = useT();
  const [state, action, pending] = useActionState(recoverBookingAction, IDLE);
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormErrorAlert state={state} />
      <NikField errors={errors.nik} />
      <PhoneField hint={t("recover.phoneHint")} errors={errors.phone} defaultValue={state.values?.phone} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.loading") : t("recover.submit")}
      </Button>
    </form>
  );
}
