import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { FieldsForm } from "@/components/staff/admin/fields-form";
import { placeFields } from "@/components/staff/admin/place-fields";
import { CreateStaffForm } from "@/components/staff/users/create-staff-form";
import { Alert, Card } from "@/components/ui/card";
import { createPlaceStaffAction, updatePlaceAction } from "@/lib/actions/admin-places";
import { requireStaffPage } from "@/lib/auth/session";
import { canManagePlaces, getAdminPlace } from "@/lib/dal/admin-places";
import { isAppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { PLACE_STAFF_ROLES } from "@/lib/validation/places";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.places") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SAVED = { created: "placesAdmin.created", updated: "placesAdmin.saved", staff: "placesAdmin.staffCreated" } as const;

/** One service point: its details, the two switches, its staff and (while it has no admin) its first account. */
export default async function AdminPlacePage({ params, searchParams }: Props) {
  const actor = await requireStaffPage("places.manage");
  if (!(await canManagePlaces(actor))) forbidden();
  const [{ slug }, query, t] = await Promise.all([params, searchParams, getTranslator()]);
  const place = await getAdminPlace(actor, { slug }).catch((error: unknown) => {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  });
  const saved = typeof query.saved === "string" && query.saved in SAVED ? SAVED[query.saved as keyof typeof SAVED] : null;
  const switchForm = (field: "isPublic" | "isTraining", value: boolean, label: string) => (
    <FieldsForm action={updatePlaceAction} groups={[]} hidden={{ intent: "switch", placeSlug: place.slug, field, value: String(value) }} submit={label} label={label} />
  );
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/staff/admin/places">← {t("placesAdmin.back")}</Link>
      <h1 className="text-2xl font-bold">{place.name}</h1>
      {saved ? <Alert tone="success">{t(saved)}</Alert> : null}
      <Card className="space-y-3">
        <h2 className="text-xl font-bold">{t("placesAdmin.switches")}</h2>
        <p>
          {t("placesAdmin.col.public")}: <strong>{place.isPublic ? t("placesAdmin.yes") : t("placesAdmin.no")}</strong> · {t("placesAdmin.col.training")}:{" "}
          <strong>{place.isTraining ? t("placesAdmin.yes") : t("placesAdmin.no")}</strong>
        </p>
        <div className="flex flex-wrap gap-3">
          {switchForm("isPublic", !place.isPublic, place.isPublic ? t("placesAdmin.makeHidden") : t("placesAdmin.makePublic"))}
          {switchForm("isTraining", !place.isTraining, place.isTraining ? t("placesAdmin.makeReal") : t("placesAdmin.makeTraining"))}
        </div>
      </Card>
      <Card className="space-y-3">
        <h2 className="text-xl font-bold">{t("placesAdmin.staff")}</h2>
        {place.staff.length === 0 ? (
          <p>{t("placesAdmin.staffNone")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {place.staff.map((s) => (
              <li key={s.id}>
                {s.name} ({s.email}) — {t(`staff.role.${s.role}`)}
                {s.isActive ? "" : `, ${t("placesAdmin.inactive")}`}
              </li>
            ))}
          </ul>
        )}
        <h3 className="text-lg font-bold">{t("placesAdmin.firstStaff")}</h3>
        {place.canCreateFirstStaff ? (
          <>
            <p>{t("placesAdmin.firstStaffIntro")}</p>
            <CreateStaffForm
              action={createPlaceStaffAction}
              hidden={{ placeSlug: place.slug }}
              defaultRole="admin"
              label={t("placesAdmin.firstStaff")}
              roles={PLACE_STAFF_ROLES}
              submitLabel={t("placesAdmin.firstStaffCreate")}
            />
          </>
        ) : (
          <p>{t("placesAdmin.firstStaffDone")}</p>
        )}
      </Card>
      <FieldsForm
        action={updatePlaceAction}
        groups={[{ heading: t("placesAdmin.edit"), fields: placeFields(t, place)
              .filter((f) => f.name !== "isPublic" && f.name !== "isTraining")
              // Ids of their own: the first-account form above has a "name" field too.
              .map((f) => ({ ...f, id: `place-${f.name}` })) }]}
        hidden={{ intent: "details", placeSlug: place.slug, ...(place.isPublic ? { isPublic: "on" } : {}), ...(place.isTraining ? { isTraining: "on" } : {}) }}
        submit={t("placesAdmin.save")}
        optionalText={t("common.optional")}
        label={t("placesAdmin.edit")}
      />
    </div>
  );
}
