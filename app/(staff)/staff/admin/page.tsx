import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireStaffPage } from "@/lib/auth/session";
import { canManagePlaces } from "@/lib/dal/admin-places";
import { getOutboxCounts } from "@/lib/dal/outbox-counts";
import type { MessageKey } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.admin") };
}

const LINKS: { href: string; label: MessageKey; mainOfficeOnly?: boolean }[] = [
  { href: "/staff/admin/settings", label: "admin.link.settings" },
  { href: "/staff/admin/services", label: "admin.link.services" },
  { href: "/staff/admin/forms", label: "admin.link.forms" },
  { href: "/staff/admin/templates", label: "admin.link.templates" },
  { href: "/staff/audit", label: "admin.link.audit" },
  { href: "/staff/admin/users", label: "admin.link.users" },
  { href: "/staff/admin/places", label: "admin.link.places", mainOfficeOnly: true },
];
const STATUSES = ["sent", "queued", "failed", "no_channel", "cancelled"] as const;

/** The admin's start: what to manage, and how the messages to citizens are doing today and this week. */
export default async function AdminOverviewPage() {
  const actor = await requireStaffPage("settings.manage");
  const [t, counts, places] = await Promise.all([getTranslator(), getOutboxCounts(actor), canManagePlaces(actor)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("admin.overview.title")}</h1>
      <p>{t("admin.overview.intro")}</p>
      <Card>
        <h2 className="mb-3 text-xl font-bold">{t("admin.overview.links")}</h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {LINKS.filter((link) => places || !link.mainOfficeOnly).map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="inline-flex min-h-12 items-center text-lg">
                {t(link.label)}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      <Card className="overflow-x-auto">
        <h2 className="mb-3 text-xl font-bold">{t("admin.overview.outbox")}</h2>
        <DataTable
          caption={t("admin.overview.outbox")}
          rows={STATUSES}
          rowKey={(status) => status}
          columns={[
            {
              header: t("admin.overview.status"),
              rowHeader: true,
              className: (status) => (status === "failed" || status === "no_channel" ? "font-normal text-red-800" : "font-normal"),
              cell: (status) => t(`outbox.status.${status}`),
            },
            { header: t("admin.overview.today"), cell: (status) => counts.today[status] },
            { header: t("admin.overview.week"), cell: (status) => counts.week[status] },
          ]}
        />
        <p className="mt-3">
          <Link href="/staff/messages" className="inline-flex min-h-12 items-center">{t("admin.overview.toMessages")}</Link>
        </p>
      </Card>
    </div>
  );
}
