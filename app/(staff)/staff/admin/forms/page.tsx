import type { Metadata } from "next";
import Link from "next/link";
import { FieldsForm } from "@/components/staff/admin/fields-form";
import type { SettingField } from "@/components/staff/admin/settings-form";
import { Alert } from "@/components/ui/card";
import { formLinkAction } from "@/lib/actions/admin-services";
import { requireStaffPage } from "@/lib/auth/session";
import { listForms, type AdminForm } from "@/lib/dal/admin-forms";
import type { Translator } from "@/lib/i18n/translate";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.forms") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function formFields(t: Translator, form: AdminForm | null): SettingField[] {
  const v = (x: string | null | undefined) => x ?? "";
  return [
    ...(form ? [] : [{ name: "slug", type: "text" as const, label: t("admin.services.field.slug"), hint: t("admin.services.slugHint"), value: "" }]),
    { name: "name", type: "text", label: t("admin.forms.name"), value: v(form?.name) },
    { name: "nameEn", type: "text", label: t("admin.forms.nameEn"), value: v(form?.nameEn), optional: true },
    { name: "url", type: "url", label: t("admin.forms.url"), hint: t("admin.forms.urlHint"), value: v(form?.url) },
    { name: "description", type: "text", label: t("admin.forms.description"), value: v(form?.description), optional: true },
    { name: "descriptionEn", type: "text", label: t("admin.forms.descriptionEn"), value: v(form?.descriptionEn), optional: true },
  ];
}

/** The office's forms (formulir) as links to their PDF; requirements link to them on the service page. */
export default async function AdminFormsPage({ searchParams }: Props) {
  const actor = await requireStaffPage("settings.manage");
  const [t, list, query] = await Promise.all([getTranslator(), listForms(actor, actor.officeId), searchParams]);
  const optional = t("common.optional");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/staff/admin">← {t("admin.back")}</Link>
      <h1 className="text-2xl font-bold">{t("admin.forms.title")}</h1>
      <p>{t("admin.forms.intro")}</p>
      {query.saved ? <Alert tone="success">{t("admin.forms.saved")}</Alert> : null}
      <FieldsForm
        action={formLinkAction}
        groups={[{ heading: t("admin.forms.create"), fields: formFields(t, null) }]}
        hidden={{ intent: "create" }}
        submit={t("admin.forms.createSubmit")}
        optionalText={optional}
        label={t("admin.forms.create")}
      />
      {list.map((form) => (
        <details key={form.id} className="rounded-xl border border-slate-200 bg-white p-4">
          <summary className="min-h-12 cursor-pointer py-2 text-lg font-semibold">
            {form.name} <span className="font-normal text-muted">({form.slug})</span>
          </summary>
          <FieldsForm
            action={formLinkAction}
            groups={[{ heading: form.name, fields: formFields(t, form).map((f) => ({ ...f, name: f.name })) }]}
            hidden={{ intent: "update", formSlug: form.slug }}
            submit={t("admin.forms.save")}
            optionalText={optional}
            label={form.name}
          />
        </details>
      ))}
    </div>
  );
}
