import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TemplateForm } from "@/components/staff/admin/template-form";
import { Alert } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { getTemplate } from "@/lib/dal/message-templates";
import { getPublicSite } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";
import { PLACEHOLDERS, SAMPLE_PARAMS } from "@/lib/messages/template-rules";
import { renderMessage, type MessageKind } from "@/lib/messages/templates";
import { TemplateKeySchema } from "@/lib/validation/message-templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.templateEdit") };
}

type Props = { params: Promise<{ kind: string; language: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One message kind in one language: edit, preview (server-rendered, works without JavaScript), reset. */
export default async function EditTemplatePage({ params, searchParams }: Props) {
  const actor = await requireStaffPage("settings.manage");
  const [raw, query, t] = await Promise.all([params, searchParams, getTranslator()]);
  const key = TemplateKeySchema.safeParse(raw);
  if (!key.success) notFound();
  const kind = key.data.kind as MessageKind;
  const language = key.data.language;
  const entry = await getTemplate(actor, { kind, language });
  const rendered = renderMessage(entry, SAMPLE_PARAMS, language, getPublicSite().origin);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/staff/admin/templates">← {t("templates.title")}</Link>
      <h1 className="text-2xl font-bold">
        {t(`outbox.kind.${kind}`)} · {t(`templates.lang.${language}`)}
      </h1>
      {query.saved === "reset" ? <Alert tone="success">{t("templates.resetDone")}</Alert> : query.saved ? <Alert tone="success">{t("templates.saved")}</Alert> : null}
      <p>{entry.isCustom ? t("templates.isCustom") : t("templates.isDefault")}</p>
      <TemplateForm
        kind={kind}
        language={language}
        subject={entry.subject}
        body={entry.body}
        isCustom={entry.isCustom}
        initialPreview={{ subject: rendered.subject, text: rendered.text }}
        placeholders={PLACEHOLDERS}
      />
    </div>
  );
}
