import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm } from "@/components/booking/action-form";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { updateRemindersAction } from "@/lib/actions/booking-reminders";
import { findRemindersEnabled } from "@/lib/dal/booking-reminders";
import { findConfirmationForPage, RATE_LIMITED } from "@/lib/dal/public-booking";
import { getTranslator } from "@/lib/i18n/server";
import { readManageToken } from "@/lib/manage-cookie";
import { requestIp } from "@/lib/request-context";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("reminders.title"), robots: { index: false } };
}

/**
 * Reminders on or off. Its own page (like cancel): the confirmation page sends no referrer, so a form
 * posted from there arrives with `Origin: null` and Next refuses the server action.
 */
export default async function RemindersPage({ params }: Props) {
  const [{ reference }, t] = await Promise.all([params, getTranslator()]);
  const confirmation = await findConfirmationForPage({ reference, manageToken: await readManageToken(), ip: await requestIp() }, { locale: t.locale });
  if (!confirmation || confirmation === RATE_LIMITED) notFound();
  const { booking, canManage } = confirmation;
  if (!canManage) redirect(`/check?reference=${booking.reference}&expired=1`);
  const remindersOn = await findRemindersEnabled(booking.reference);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("reminders.title")}</h1>
      <Card>
        <p>{remindersOn ? t("reminders.onText") : t("reminders.offText")}</p>
      </Card>
      <ActionForm
        action={updateRemindersAction}
        hidden={{ reference: booking.reference, enabled: remindersOn ? "0" : "1" }}
        submitLabel={remindersOn ? t("reminders.turnOff") : t("reminders.turnOn")}
        pendingLabel={t("common.loading")}
      />
      <ButtonLink href={`/booking/${booking.reference}`} variant="secondary">
        {t("reminders.back")}
      </ButtonLink>
    </div>
  );
}
