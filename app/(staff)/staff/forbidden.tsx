import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { STAFF_HOME } from "@/lib/auth/staff-paths";
import { getTranslator } from "@/lib/i18n/server";

/** Rendered with HTTP 403 when requireStaffPage calls forbidden(). */
export default async function StaffForbidden() {
  const t = await getTranslator();
  return (
    <Card className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.forbidden.title")}</h1>
      <p>{t("staff.forbidden.body")}</p>
      <ButtonLink href={STAFF_HOME} variant="secondary">
        {t("staff.forbidden.back")}
      </ButtonLink>
    </Card>
  );
}
