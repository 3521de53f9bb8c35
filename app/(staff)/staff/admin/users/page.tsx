import type { Metadata } from "next";
import Link from "next/link";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { requireOfficeById } from "@/lib/dal/offices";
import { listStaff } from "@/lib/dal/staff-users";
import { getTranslator } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Pengguna" };

export default async function StaffUsersPage() {
  const actor = await requireStaffPage("staff.manage");
  const [t, staff, office] = await Promise.all([getTranslator(), listStaff(actor, actor.officeId), requireOfficeById(actor.officeId)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("staff.users.title")}</h1>
        <ButtonLink href="/staff/admin/users/new">{t("staff.users.create")}</ButtonLink>
      </div>
      <p>{t("staff.users.intro")}</p>
      <Card className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">{t("staff.users.listHeading")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">{t("staff.users.name")}</th>
              <th scope="col" className="py-2 pr-4">{t("staff.users.email")}</th>
              <th scope="col" className="py-2 pr-4">{t("staff.users.role")}</th>
              <th scope="col" className="py-2 pr-4">{t("staff.users.status")}</th>
              <th scope="col" className="py-2 pr-4">{t("staff.users.lastLogin")}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={`/staff/admin/users/${s.id}`}>{s.name}</Link> {s.id === actor.staffId ? t("staff.users.you") : null}
                </th>
                <td className="py-2 pr-4">{s.email}</td>
                <td className="py-2 pr-4">{t(`staff.role.${s.role}`)}</td>
                <td className="py-2 pr-4">{s.isActive ? t("staff.users.active") : <strong className="text-red-800">{t("staff.users.inactive")}</strong>}</td>
                <td className="py-2 pr-4">{s.lastLoginAt ? formatInstant(s.lastLoginAt, t, office.timezone) : t("staff.users.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
