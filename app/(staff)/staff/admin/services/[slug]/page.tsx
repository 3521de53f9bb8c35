import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FieldsForm } from "@/components/staff/admin/fields-form";
import { requirementFieldGroups, serviceFieldGroups } from "@/components/staff/admin/service-fields";
import { Alert, Card } from "@/components/ui/card";
import { updateServiceAction } from "@/lib/actions/admin-services";
import { requireStaffPage } from "@/lib/auth/session";
import { listForms } from "@/lib/dal/admin-forms";
import { getAdminService } from "@/lib/dal/admin-services";
import { isAppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.serviceEdit") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A service's details, whether citizens can book it, and its requirements with their forms. */
export default async function EditServicePage({ params, searchParams }: Props) {
  const actor = await requireStaffPage("settings.manage");
  const [{ slug }, query, t] = await Promise.all([params, searchParams, getTranslator()]);
  const service = await getAdminService(actor, { slug }).catch((error) => {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  });
  const forms = await listForms(actor);
  const optional = t("common.optional");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/staff/admin/services">← {t("admin.services.title")}</Link>
      <h1 className="text-2xl font-bold">{service.name}</h1>
      {query.saved ? <Alert tone="success">{t("admin.services.saved")}</Alert> : null}
      <p>
        <Link href={`/services/${service.slug}`}>{t("admin.services.publicPage")}</Link>
      </p>
      <Card className="space-y-3">
        <h2 className="text-xl font-bold">{t("admin.services.status")}</h2>
        <p>{service.isActive ? t("admin.services.activeText") : t("admin.services.inactiveText")}</p>
        <FieldsForm
          action={updateServiceAction}
          groups={[]}
          hidden={{ serviceSlug: service.slug, intent: "active", active: service.isActive ? "false" : "true" }}
          submit={service.isActive ? t("admin.services.deactivate") : t("admin.services.activate")}
          label={t("admin.services.status")}
        />
      </Card>
      <section className="space-y-3">
        <h2 className="text-xl font-bold">{t("admin.services.details")}</h2>
        <FieldsForm
          action={updateServiceAction}
          groups={serviceFieldGroups(t, service, false)}
          hidden={{ serviceSlug: service.slug, intent: "details" }}
          submit={t("admin.services.save")}
          optionalText={optional}
          label={t("admin.services.details")}
        />
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-bold">{t("admin.requirements.title")}</h2>
        <p>{t("admin.requirements.intro")}</p>
        <FieldsForm
          action={updateServiceAction}
          groups={requirementFieldGroups(t, service.requirements, forms)}
          hidden={{ serviceSlug: service.slug, intent: "requirements" }}
          submit={t("admin.requirements.save")}
          optionalText={optional}
          label={t("admin.requirements.title")}
        />
      </section>
    </div>
  );
}
