"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { IDLE } from "@/lib/actions/form-state";
import { officeSettingsAction, type SettingsFormState } from "@/lib/actions/office-settings";
import { SettingFieldset } from "./setting-fieldset";
import { intlLocale } from "@/lib/format";

export type SettingField = {
  name: string;
  label: string;
  hint?: string;
  type: "number" | "time" | "text" | "url" | "checkbox" | "select" | "file";
  /** The control's id where a page holds several forms with the same field (default `field-{name}`). */
  id?: string;
  /** A file field's accepted types (the server checks the bytes anyway). */
  accept?: string;
  value: string;
  min?: number;
  max?: number;
  options?: { value: string; label: string }[];
  optional?: boolean;
};
export type SettingGroup = { heading: string; fields: SettingField[] };

function formatDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

export function SettingsForm({ groups }: { groups: SettingGroup[] }) {
  const t = useT();
  const dateLocale = intlLocale(t.locale);
  const [state, action, isPending] = useActionState<SettingsFormState, FormData>(officeSettingsAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-6">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {groups.map((group) => (
        <SettingFieldset key={group.heading} group={group} values={state.values} errors={state.fields} gap="gap-4" />
      ))}
      {state.preview ? (
        <section aria-labelledby="preview-heading" className="rounded-xl border-2 border-brand-600 bg-white p-4">
          <h2 id="preview-heading" className="text-xl font-bold">{t("admin.settings.previewHeading")}</h2>
          <p className="mb-3">{t("admin.settings.previewIntro")}</p>
          <DataTable
            caption={t("admin.settings.previewHeading")}
            rows={state.preview}
            rowKey={(d) => d.date}
            rowClassName={(d) => (d.before.places !== d.after.places || d.before.open !== d.after.open ? "bg-amber-50 font-semibold" : "")}
            columns={[
              { header: t("admin.settings.previewDate"), rowHeader: true, className: "font-normal", cell: (d) => formatDay(d.date, dateLocale) },
              { header: t("admin.settings.previewNow"), cell: (d) => (d.before.open ? d.before.places : t("admin.settings.previewClosed")) },
              { header: t("admin.settings.previewAfter"), cell: (d) => (d.after.open ? d.after.places : t("admin.settings.previewClosed")) },
            ]}
          />
        </section>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={isPending}>
          {t("admin.settings.preview")}
        </Button>
        <Button type="submit" name="intent" value="save" disabled={isPending}>
          {t("admin.settings.save")}
        </Button>
      </div>
    </form>
  );
}
