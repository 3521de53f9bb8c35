import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { canManagePlaces } from "@/lib/dal/admin-places";
import { countOutbox } from "@/lib/dal/outbox-counts";
import type { MessageKey } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Admin" };

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
  const [t, counts, places] = await Promise.all([getTranslator(), countOutbox(actor, actor.officeId), canManagePlaces(actor)]);
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
        <h2 id="outbox-heading" className="mb-3 text-xl font-bold">{t("admin.overview.outbox")}</h2>
        <table className="w-full text-left" aria-labelledby="outbox-heading">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">{t("admin.overview.status")}</th>
              <th scope="col" className="py-2 pr-4">{t("admin.overview.today")}</th>
              <th scope="col" className="py-2 pr-4">{t("admin.overview.week")}</th>
            </tr>
          </thead>
          <tbody>
            {STATUSES.map((status) => (
              <tr key={status} className="border-b border-slate-200">
                <th scope="row" className={`py-2 pr-4 font-normal ${status === "failed" || status === "no_channel" ? "text-red-800" : ""}`}>{t(`outbox.status.${status}`)}</th>
                <td className="py-2 pr-4">{counts.today[status]}</td>
                <td className="py-2 pr-4">{counts.week[status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3">
          <Link href="/staff/messages" className="inline-flex min-h-12 items-center">{t("admin.overview.toMessages")}</Link>
        </p>
      </Card>
    </div>
  );
}
