import type { Metadata } from "next";
import Link from "next/link";
import { FieldsForm } from "@/components/staff/admin/fields-form";
import { serviceFieldGroups } from "@/components/staff/admin/service-fields";
import { createServiceAction } from "@/lib/actions/admin-services";
import { requireStaffPage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.serviceNew") };
}

export default async function NewServicePage() {
  await requireStaffPage("settings.manage");
  const t = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/staff/admin/services">← {t("admin.services.title")}</Link>
      <h1 className="text-2xl font-bold">{t("admin.services.create")}</h1>
      <FieldsForm action={createServiceAction} groups={serviceFieldGroups(t, null, true)} submit={t("admin.services.createSubmit")} optionalText={t("common.optional")} />
    </div>
  );
}
