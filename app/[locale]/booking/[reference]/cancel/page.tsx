import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm } from "@/components/booking/action-form";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cancelBookingAction } from "@/lib/actions/manage-booking";
import { findConfirmationForPage, RATE_LIMITED } from "@/lib/dal/public-booking";
import { formatDate } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { readManageToken } from "@/lib/manage-cookie";
import { requestIp } from "@/lib/request-context";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("cancel.title"), robots: { index: false } };
}

export default async function CancelPage({ params }: Props) {
  const [{ reference }, t] = await Promise.all([params, getTranslator()]);
  // Only the proven owner may go on; a stranger out of look-ups gets the same 404 as for a wrong reference.
  const confirmation = await findConfirmationForPage({ reference, manageToken: await readManageToken(), ip: await requestIp() }, { locale: t.locale });
  if (!confirmation || confirmation === RATE_LIMITED) notFound();
  const { booking, canManage } = confirmation;
  if (!canManage) redirect(`/check?reference=${booking.reference}&expired=1`);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("cancel.title")}</h1>
      <Card>
        <p>
          {t("cancel.text", {
            reference: booking.referenceDisplay,
            service: booking.service.name,
            date: formatDate(booking.date, t.locale),
            session: booking.session.label,
          })}
        </p>
      </Card>
      <ActionForm action={cancelBookingAction} hidden={{ reference: booking.reference }} submitLabel={t("cancel.confirm")} pendingLabel={t("common.loading")} variant="danger" />
      <ButtonLink href={`/booking/${booking.reference}`} variant="secondary">
        {t("cancel.keep")}
      </ButtonLink>
    </div>
  );
}
