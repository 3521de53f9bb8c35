import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StaffAccountForms } from "@/components/staff/users/staff-account-forms";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { Alert, Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { requireOfficeById } from "@/lib/dal/offices";
import { findStaffLoginLock } from "@/lib/dal/staff-locks";
import { getStaffMember } from "@/lib/dal/staff-users";
import { isAppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { STAFF_ROLES, StaffIdInputSchema } from "@/lib/validation/staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.user") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function StaffAccountPage({ params, searchParams }: Props) {
  const actor = await requireStaffPage("staff.manage");
  const [{ id }, { saved }, t, office] = await Promise.all([params, searchParams, getTranslator(), requireOfficeById(actor.officeId)]);
  const parsed = StaffIdInputSchema.safeParse({ staffId: id });
  if (!parsed.success) notFound();
  const member = await getStaffMember(actor, parsed.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const lockedUntil = await findStaffLoginLock(actor, { staffId: member.id });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/staff/admin/users">← {t("staff.users.title")}</Link>
      {saved ? <Alert tone="success">{t(saved === "created" ? "staff.users.created" : "staff.users.updated", { email: member.email })}</Alert> : null}
      <Card className="space-y-6">
        <div>
          <h1 className="text-2xl font-bold">
            {member.name} {member.id === actor.staffId ? t("staff.users.you") : null}
          </h1>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t("staff.users.email")}</dt>
            <dd>{member.email}</dd>
            <dt className="font-semibold">{t("staff.users.role")}</dt>
            <dd>{t(`staff.role.${member.role}`)}</dd>
            <dt className="font-semibold">{t("staff.users.status")}</dt>
            <dd>
              {member.isActive ? t("staff.users.active") : t("staff.users.inactive")}
              {lockedUntil ? ` · ${t("security.lockedUntil", { time: formatInstant(lockedUntil, t, office.timezone) })}` : null}
            </dd>
            <dt className="font-semibold">{t("staff.users.lastLogin")}</dt>
            <dd>{member.lastLoginAt ? formatInstant(member.lastLoginAt, t, office.timezone) : t("staff.users.never")}</dd>
          </dl>
        </div>
        <StaffAccountForms
          staffId={member.id}
          role={member.role}
          isActive={member.isActive}
          isSelf={member.id === actor.staffId}
          isLocked={lockedUntil !== null}
          roles={STAFF_ROLES}
        />
      </Card>
    </div>
  );
}
