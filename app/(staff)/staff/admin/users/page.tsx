import type { Metadata } from "next";
import Link from "next/link";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { requireOfficeById } from "@/lib/dal/offices";
import { listStaff } from "@/lib/dal/staff-users";
import { getTranslator } from "@/lib/i18n/server";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.users") };
}

export default async function StaffUsersPage() {
  const actor = await requireStaffPage("staff.manage");
  const [t, staff, office] = await Promise.all([getTranslator(), listStaff(actor), requireOfficeById(actor.officeId)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("staff.users.title")}</h1>
        <ButtonLink href="/staff/admin/users/new">{t("staff.users.create")}</ButtonLink>
      </div>
      <p>{t("staff.users.intro")}</p>
      <Card className="overflow-x-auto">
        <DataTable
          caption={t("staff.users.listHeading")}
          rows={staff}
          rowKey={(s) => s.id}
          columns={[
            {
              header: t("staff.users.name"),
              rowHeader: true,
              className: "font-normal",
              cell: (s) => (
                <>
                  <Link href={`/staff/admin/users/${s.id}`}>{s.name}</Link> {s.id === actor.staffId ? t("staff.users.you") : null}
                </>
              ),
            },
            { header: t("staff.users.email"), cell: (s) => s.email },
            { header: t("staff.users.role"), cell: (s) => t(`staff.role.${s.role}`) },
            { header: t("staff.users.status"), cell: (s) => (s.isActive ? t("staff.users.active") : <strong className="text-red-800">{t("staff.users.inactive")}</strong>) },
            { header: t("staff.users.lastLogin"), cell: (s) => (s.lastLoginAt ? formatInstant(s.lastLoginAt, t, office.timezone) : t("staff.users.never")) },
          ]}
        />
      </Card>
    </div>
  );
}
