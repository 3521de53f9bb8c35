import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { FieldsForm } from "@/components/staff/admin/fields-form";
import { placeFields } from "@/components/staff/admin/place-fields";
import { createPlaceAction } from "@/lib/actions/admin-places";
import { requireStaffPage } from "@/lib/auth/session";
import { canManagePlaces } from "@/lib/dal/admin-places";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.placeNew") };
}

export default async function NewPlacePage() {
  const actor = await requireStaffPage("places.manage");
  if (!(await canManagePlaces(actor))) forbidden();
  const t = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/staff/admin/places">← {t("placesAdmin.back")}</Link>
      <h1 className="text-2xl font-bold">{t("placesAdmin.add")}</h1>
      <FieldsForm
        action={createPlaceAction}
        groups={[{ heading: t("placesAdmin.add"), fields: placeFields(t, null) }]}
        submit={t("placesAdmin.create")}
        optionalText={t("common.optional")}
        label={t("placesAdmin.add")}
      />
    </div>
  );
}
