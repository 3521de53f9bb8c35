import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireStaffPage } from "@/lib/auth/session";
import { listAdminServices } from "@/lib/dal/admin-services";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.services") };
}

/** Every service of the office, inactive ones too, in the order the home page shows them. */
export default async function AdminServicesPage() {
  const actor = await requireStaffPage("settings.manage");
  const [t, list] = await Promise.all([getTranslator(), listAdminServices(actor)]);
  return (
    <div className="space-y-6">
      <Link href="/staff/admin">← {t("admin.back")}</Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("admin.services.title")}</h1>
        <ButtonLink href="/staff/admin/services/new">{t("admin.services.create")}</ButtonLink>
      </div>
      <p>{t("admin.services.intro")}</p>
      <Card className="overflow-x-auto">
        <DataTable
          caption={t("admin.services.title")}
          rows={list}
          rowKey={(s) => s.slug}
          columns={[
            { header: t("admin.services.field.position"), cell: (s) => s.position },
            {
              header: t("admin.services.field.name"),
              rowHeader: true,
              className: "font-normal",
              cell: (s) => (
                <>
                  <Link href={`/staff/admin/services/${s.slug}`}>{s.name}</Link>
                  {s.nameEn ? <span className="block text-sm text-muted" lang="en">{s.nameEn}</span> : null}
                </>
              ),
            },
            { header: t("admin.services.field.category"), cell: (s) => s.category },
            { header: t("admin.services.field.queueLetter"), className: "font-mono", cell: (s) => s.queueLetter },
            { header: t("admin.services.requirements"), cell: (s) => s.requirementCount },
            {
              header: t("admin.services.status"),
              cell: (s) => (s.isActive ? t("admin.services.active") : <strong className="text-red-800">{t("admin.services.inactive")}</strong>),
            },
          ]}
        />
      </Card>
    </div>
  );
}
