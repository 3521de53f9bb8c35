"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorAlert } from "@/components/ui/form-error";
import { lookupBookingAction } from "@/lib/actions/manage-booking";
import { IDLE } from "@/lib/actions/form-state";
import { useT } from "@/components/i18n/translation-provider";
import { NikField, ReferenceField } from "./citizen-fields";

export function LookupForm({ reference }: { reference?: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(lookupBookingAction, IDLE);
  const errors = state.fields ?? {};
  // Asked for only once a reference has drawn wrong NIKs (lib/limits/reference-guard.ts); kept once shown.
  const asksPhone = Boolean(errors.phoneLast4 || state.values?.phoneLast4);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormErrorAlert state={state} />
      <ReferenceField label={t("check.reference")} hint={t("check.referenceHint")} errors={errors.reference} defaultValue={state.values?.reference ?? reference} />
      <NikField errors={errors.nik} />
      {asksPhone ? (
        <Field
          label={t("check.phoneLast4")}
          name="phoneLast4"
          hint={t("check.phoneLast4Hint")}
          errors={errors.phoneLast4}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          required
        />
      ) : null}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.loading") : t("check.submit")}
      </Button>
    </form>
  );
}
