import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireStaffPage } from "@/lib/auth/session";
import { listTemplates } from "@/lib/dal/message-templates";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.templates") };
}

/** Every message kind in both languages, marked where the office has its own text. */
export default async function TemplatesPage() {
  const actor = await requireStaffPage("settings.manage");
  const [t, entries] = await Promise.all([getTranslator(), listTemplates(actor)]);
  return (
    <div className="space-y-6">
      <Link href="/staff/admin">← {t("admin.back")}</Link>
      <h1 className="text-2xl font-bold">{t("templates.title")}</h1>
      <p>{t("templates.intro")}</p>
      <Card className="overflow-x-auto">
        <DataTable
          caption={t("templates.title")}
          rows={entries}
          rowKey={(e) => `${e.kind}-${e.language}`}
          columns={[
            {
              header: t("templates.kind"),
              rowHeader: true,
              className: "font-normal",
              cell: (e) => (
                <Link href={`/staff/admin/templates/${e.kind}/${e.language}`} className="inline-flex min-h-12 items-center">
                  {t(`outbox.kind.${e.kind}`)} · {t(`templates.lang.${e.language}`)}
                </Link>
              ),
            },
            { header: t("templates.language"), cell: (e) => t(`templates.lang.${e.language}`) },
            { header: t("templates.subject"), cell: (e) => e.subject },
            { header: t("templates.source"), cell: (e) => (e.isCustom ? <strong>{t("templates.custom")}</strong> : t("templates.default")) },
          ]}
        />
      </Card>
    </div>
  );
}
