"use client";

import { useActionState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { FormErrorAlert } from "@/components/ui/form-error";
import { NikField, ReferenceField } from "@/components/booking/citizen-fields";
import { useT } from "@/components/i18n/translation-provider";
import { IDLE } from "@/lib/actions/form-state";
import { acceptStandbyAction, lookupStandbyAction, type StandbyFormState } from "@/lib/actions/standby";

/**
 * The standby look-up (code + NIK) and, when a place is offered, the accept button. Both are server-action
 * forms: they work without JavaScript (the page comes back with the result).
 */
export function StandbyCheck({ reference }: { reference?: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<StandbyFormState, FormData>(lookupStandbyAction, IDLE);
  const [acceptState, accept, accepting] = useActionState<StandbyFormState, FormData>(acceptStandbyAction, IDLE);
  const failed = acceptState.status === "error" ? acceptState : state.status === "error" ? state : null;
  const result = state.standby;
  return (
    <div className="space-y-6">
      <FormErrorAlert state={failed} />
      {result ? (
        <section aria-live="polite" className="space-y-3 rounded-xl border-2 border-brand-600 bg-brand-50 p-4">
          <p className="font-mono text-lg font-bold">{result.referenceDisplay}</p>
          <p className="text-lg">{result.text}</p>
          {result.canAccept ? (
            <form action={accept}>
              <input type="hidden" name="reference" value={result.reference} />
              <Button type="submit" disabled={accepting} className="w-full sm:w-auto">
                {accepting ? t("common.loading") : t("standby.accept.submit")}
              </Button>
            </form>
          ) : null}
          {result.bookingReference ? <ButtonLink href={`/booking/${result.bookingReference}`}>{t("standby.accept.viewBooking")}</ButtonLink> : null}
        </section>
      ) : null}
      <form action={action} className="space-y-5" noValidate>
        <ReferenceField label={t("standby.joined.reference")} errors={state.fields?.reference} defaultValue={state.values?.reference ?? reference} />
        <NikField errors={state.fields?.nik} />
        <Button type="submit" variant={result ? "secondary" : "primary"} disabled={pending} className="w-full sm:w-auto">
          {pending ? t("common.loading") : t("standby.check.submit")}
        </Button>
      </form>
    </div>
  );
}
