"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, SelectField } from "@/components/ui/field";
import { FormErrorAlert } from "@/components/ui/form-error";
import { NikField, PhoneField } from "@/components/booking/citizen-fields";
import { useT } from "@/components/i18n/translation-provider";
import { IDLE } from "@/lib/actions/form-state";
import { joinStandbyAction } from "@/lib/actions/standby";

/** Joining a full date's standby list (any session, or one of `sessions`); posts to a server action, so it works without JavaScript. */
export function StandbyJoinForm({ service, office, date, sessions }: { service: string; office?: string; date: string; sessions: { value: string; label: string }[] }) {
  const t = useT();
  const [state, action, pending] = useActionState(joinStandbyAction, IDLE);
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="service" value={service} />
      {office ? <input type="hidden" name="office" value={office} /> : null}
      <input type="hidden" name="date" value={date} />
      <FormErrorAlert state={state} />
      <SelectField label={t("standby.join.session")} name="session" errors={errors.session} options={[{ value: "", label: t("standby.join.anySession") }, ...sessions]} defaultValue={state.values?.session ?? ""} />
      <p className="-mt-3 text-sm text-muted">
        {t("standby.join.sessionHint")}
      </p>
      <NikField errors={errors.nik} />
      <Field label={t("details.name")} name="name" errors={errors.name} defaultValue={state.values?.name} autoComplete="name" maxLength={200} required />
      <PhoneField errors={errors.phone} defaultValue={state.values?.phone} maxLength={32} />
      <Checkbox label={t("standby.join.consent")} name="consent" errors={errors.consent} required />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.loading") : t("standby.join.submit")}
      </Button>
    </form>
  );
}
