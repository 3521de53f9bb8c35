"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { FormErrorAlert } from "@/components/ui/form-error";
import { Field, SelectField } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { OUTAGE_REASON_CODES } from "@/lib/outage";

/** The outage switch's form: every field labelled, errors under their field; works without JavaScript. */
export function OutageForm({
  action,
  today,
  sessions,
  services,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  today: string;
  sessions: string[];
  services: { slug: string; name: string }[];
}) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, IDLE);
  const v = state.values ?? {};
  const f = state.fields ?? {};
  return (
    <form action={formAction} className="space-y-4">
      <FormErrorAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("outage.date")} name="date" type="date" required defaultValue={v.date ?? today} min={today} errors={f.date} />
        <SelectField label={t("outage.session")} name="session" defaultValue={v.session ?? ""} errors={f.session} options={[{ value: "", label: t("outage.allSessions") }, ...sessions.map((s) => ({ value: s, label: s.replace(":", ".") }))]} />
        <SelectField label={t("outage.service")} name="service" defaultValue={v.service ?? ""} errors={f.service} options={[{ value: "", label: t("outage.allServices") }, ...services.map((s) => ({ value: s.slug, label: s.name }))]} />
      </div>
      <SelectField label={t("outage.reason")} name="reasonCode" defaultValue={v.reasonCode ?? "siak_down"} errors={f.reasonCode} options={OUTAGE_REASON_CODES.map((code) => ({ value: code, label: t(`outage.reason.${code}`) }))} />
      <Field label={t("outage.reasonText")} name="reasonText" maxLength={300} defaultValue={v.reasonText ?? ""} errors={f.reasonText} />
      <Field label={t("outage.reasonTextEn")} name="reasonEn" maxLength={300} defaultValue={v.reasonEn ?? ""} errors={f.reasonEn} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? t("common.loading") : t("outage.submit")}
      </Button>
    </form>
  );
}
