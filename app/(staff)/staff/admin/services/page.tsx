import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { listAdminServices } from "@/lib/dal/admin-services";
import { getTranslator } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Layanan" };

/** Every service of the office, inactive ones too, in the order the home page shows them. */
export default async function AdminServicesPage() {
  const actor = await requireStaffPage("settings.manage");
  const [t, list] = await Promise.all([getTranslator(), listAdminServices(actor, actor.officeId)]);
  return (
    <div className="space-y-6">
      <Link href="/staff/admin">← {t("admin.back")}</Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("admin.services.title")}</h1>
        <ButtonLink href="/staff/admin/services/new">{t("admin.services.create")}</ButtonLink>
      </div>
      <p>{t("admin.services.intro")}</p>
      <Card className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">{t("admin.services.title")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">{t("admin.services.field.position")}</th>
              <th scope="col" className="py-2 pr-4">{t("admin.services.field.name")}</th>
              <th scope="col" className="py-2 pr-4">{t("admin.services.field.category")}</th>
              <th scope="col" className="py-2 pr-4">{t("admin.services.field.queueLetter")}</th>
              <th scope="col" className="py-2 pr-4">{t("admin.services.requirements")}</th>
              <th scope="col" className="py-2 pr-4">{t("admin.services.status")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.slug} className="border-b border-slate-200">
                <td className="py-2 pr-4">{s.position}</td>
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={`/staff/admin/services/${s.slug}`}>{s.name}</Link>
                  {s.nameEn ? <span className="block text-sm text-muted" lang="en">{s.nameEn}</span> : null}
                </th>
                <td className="py-2 pr-4">{s.category}</td>
                <td className="py-2 pr-4 font-mono">{s.queueLetter}</td>
                <td className="py-2 pr-4">{s.requirementCount}</td>
                <td className="py-2 pr-4">{s.isActive ? t("admin.services.active") : <strong className="text-red-800">{t("admin.services.inactive")}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
