import type { Metadata } from "next";
import Link from "next/link";
import { FieldsForm } from "@/components/staff/admin/fields-form";
import type { SettingField } from "@/components/staff/admin/settings-form";
import { Alert } from "@/components/ui/card";
import { formLinkAction } from "@/lib/actions/admin-services";
import { requireStaffPage } from "@/lib/auth/session";
import { listForms, type AdminForm } from "@/lib/dal/admin-forms";
import { requireOfficeById } from "@/lib/dal/offices";
import { formFilePath } from "@/lib/form-file";
import type { Translator } from "@/lib/i18n/translate";
import { getTranslator } from "@/lib/i18n/server";
import { intlLocale } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.forms") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PDF_ACCEPT = "application/pdf,.pdf";

function formFields(t: Translator, form: AdminForm | null): SettingField[] {
  const v = (x: string | null | undefined) => x ?? "";
  return [
    ...(form ? [] : [{ name: "slug", type: "text" as const, label: t("admin.services.field.slug"), hint: t("admin.services.slugHint"), value: "" }]),
    { name: "name", type: "text", label: t("admin.forms.name"), value: v(form?.name) },
    { name: "nameEn", type: "text", label: t("admin.forms.nameEn"), value: v(form?.nameEn), optional: true },
    { name: "url", type: "url", label: t("admin.forms.url"), hint: t("admin.forms.urlHint"), value: v(form?.url), optional: true },
    ...(form ? [] : [{ name: "file", type: "file" as const, label: t("admin.forms.file"), hint: t("admin.forms.fileHint"), value: "", accept: PDF_ACCEPT, optional: true }]),
    { name: "description", type: "text", label: t("admin.forms.description"), value: v(form?.description), optional: true },
    { name: "descriptionEn", type: "text", label: t("admin.forms.descriptionEn"), value: v(form?.descriptionEn), optional: true },
  ];
}

/** The office's forms (formulir): an uploaded PDF, a link, or both; requirements link to them on the service page. */
export default async function AdminFormsPage({ searchParams }: Props) {
  const actor = await requireStaffPage("settings.manage");
  const [t, list, query, office] = await Promise.all([getTranslator(), listForms(actor), searchParams, requireOfficeById(actor.officeId)]);
  const optional = t("common.optional");
  const dateFormat = new Intl.DateTimeFormat(intlLocale(t.locale), { dateStyle: "medium", timeStyle: "short", timeZone: office.timezone });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/staff/admin">← {t("admin.back")}</Link>
      <h1 className="text-2xl font-bold">{t("admin.forms.title")}</h1>
      <p>{t("admin.forms.intro")}</p>
      {query.saved ? <Alert tone="success">{t("admin.forms.saved")}</Alert> : null}
      <p className="text-muted">{t("admin.forms.linkOrFile")}</p>
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
          <div className="mt-3 space-y-4">
            <FieldsForm
              action={formLinkAction}
              groups={[{ heading: form.name, fields: formFields(t, form) }]}
              hidden={{ intent: "update", formSlug: form.slug }}
              submit={t("admin.forms.save")}
              optionalText={optional}
              label={form.name}
            />
            <section className="space-y-3 rounded-xl border border-slate-200 p-4">
              <h2 className="text-lg font-bold">{t("admin.forms.file")}</h2>
              {form.file ? (
                <p>
                  {t("admin.forms.fileCurrent", { name: form.file.name, size: Math.max(1, Math.round(form.file.size / 1024)), date: dateFormat.format(form.file.updatedAt) })}{" "}
                  <a href={formFilePath(office.slug, form.slug)} className="inline-flex min-h-12 items-center">
                    {t("admin.forms.fileOpen", { name: form.file.name })}
                  </a>
                </p>
              ) : (
                <p>{t("admin.forms.fileNone")}</p>
              )}
              <FieldsForm
                action={formLinkAction}
                groups={[{ heading: form.file ? t("admin.forms.fileReplace") : t("admin.forms.fileUpload"), fields: [{ name: "file", id: `file-${form.slug}`, type: "file", label: t("admin.forms.file"), hint: t("admin.forms.fileHint"), value: "", accept: PDF_ACCEPT }] }]}
                hidden={{ intent: "file", formSlug: form.slug }}
                submit={form.file ? t("admin.forms.fileReplace") : t("admin.forms.fileUpload")}
                label={`${t("admin.forms.file")}: ${form.name}`}
              />
              {form.file ? (
                <FieldsForm action={formLinkAction} groups={[]} hidden={{ intent: "file_delete", formSlug: form.slug }} submit={t("admin.forms.fileDelete")} label={`${t("admin.forms.fileDelete")}: ${form.name}`} />
              ) : null}
            </section>
            <p className="text-muted">{t("admin.forms.deleteHint")}</p>
            <FieldsForm action={formLinkAction} groups={[]} hidden={{ intent: "delete", formSlug: form.slug }} submit={t("admin.forms.delete", { name: form.name })} label={t("admin.forms.delete", { name: form.name })} />
          </div>
        </details>
      ))}
    </div>
  );
}
