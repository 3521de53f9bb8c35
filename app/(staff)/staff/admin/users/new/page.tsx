import type { Metadata } from "next";
import Link from "next/link";
import { CreateStaffForm } from "@/components/staff/users/create-staff-form";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { STAFF_ROLES } from "@/lib/validation/staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.userNew") };
}

export default async function NewStaffPage() {
  await requireStaffPage("staff.manage");
  const t = await getTranslator();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Link href="/staff/admin/users">← {t("staff.users.title")}</Link>
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">{t("staff.users.createHeading")}</h1>
        <CreateStaffForm roles={STAFF_ROLES} />
      </Card>
    </div>
  );
}
