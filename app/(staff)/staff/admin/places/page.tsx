import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireStaffPage } from "@/lib/auth/session";
import { canManagePlaces, listAdminPlaces } from "@/lib/dal/admin-places";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.places") };
}

/** The main office's service points: name, address, shown to citizens or not, training, order. */
export default async function AdminPlacesPage() {
  const actor = await requireStaffPage("places.manage");
  if (!(await canManagePlaces(actor))) forbidden();
  const [t, list] = await Promise.all([getTranslator(), listAdminPlaces(actor)]);
  const yesNo = (value: boolean) => (value ? t("placesAdmin.yes") : t("placesAdmin.no"));
  return (
    <div className="space-y-6">
      <Link href="/staff/admin">← {t("admin.back")}</Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("placesAdmin.title")}</h1>
        <ButtonLink href="/staff/admin/places/new">{t("placesAdmin.add")}</ButtonLink>
      </div>
      <p>{t("placesAdmin.intro")}</p>
      <Card className="overflow-x-auto">
        {list.length === 0 ? (
          <p>{t("placesAdmin.none")}</p>
        ) : (
          <DataTable
            caption={t("placesAdmin.title")}
            rows={list}
            rowKey={(p) => p.slug}
            columns={[
              { header: t("placesAdmin.col.position"), cell: (p) => p.position },
              {
                header: t("placesAdmin.col.name"),
                rowHeader: true,
                className: "font-normal",
                cell: (p) => (
                  <>
                    <Link href={`/staff/admin/places/${p.slug}`} aria-label={t("placesAdmin.open", { place: p.name })}>
                      {p.name}
                    </Link>
                    <span className="block text-sm text-muted">{p.slug}</span>
                  </>
                ),
              },
              { header: t("placesAdmin.col.address"), cell: (p) => p.address ?? "—" },
              { header: t("placesAdmin.col.public"), cell: (p) => yesNo(p.isPublic) },
              { header: t("placesAdmin.col.training"), cell: (p) => yesNo(p.isTraining) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
