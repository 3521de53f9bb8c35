import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm } from "@/components/booking/action-form";
import { canBookShownDate, SlotPicker } from "@/components/booking/slot-picker";
import { ButtonLink } from "@/components/ui/button";
import { rescheduleBookingAction } from "@/lib/actions/manage-booking";
import { getAvailability } from "@/lib/dal/availability";
import { findConfirmationForPage, RATE_LIMITED } from "@/lib/dal/public-booking";
import { formatDate } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { readManageToken } from "@/lib/manage-cookie";
import { requestIp } from "@/lib/request-context";
import { formatSlot } from "@/lib/slot";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ date?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("reschedule.title"), robots: { index: false } };
}

/** Choose another date or session; the move happens in one transaction or not at all. */
export default async function ReschedulePage({ params, searchParams }: Props) {
  const [{ reference }, { date }, t] = await Promise.all([params, searchParams, getTranslator()]);
  // Only the proven owner may go on; a stranger out of look-ups gets the same 404 as for a wrong reference.
  const confirmation = await findConfirmationForPage({ reference, manageToken: await readManageToken(), ip: await requestIp() }, { locale: t.locale });
  if (!confirmation || confirmation === RATE_LIMITED) notFound();
  const { booking, canManage } = confirmation;
  if (!canManage) redirect(`/check?reference=${booking.reference}&expired=1`);
  const availability = await getAvailability({ officeSlug: booking.office.slug, serviceSlug: booking.service.slug, t });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("reschedule.title")}</h1>
      <p>
        {booking.service.name} · {t("reschedule.current", { date: formatDate(booking.date, t.locale), session: booking.session.label })}
      </p>
      <ActionForm
        action={rescheduleBookingAction}
        hidden={{ reference: booking.reference }}
        submitLabel={t("reschedule.submit")}
        pendingLabel={t("common.loading")}
        canSubmit={canBookShownDate(availability.days, date, formatSlot(booking.date, booking.session.start))}
      >
        <SlotPicker
          days={availability.days}
          t={t}
          date={date}
          hrefFor={(d) => `/booking/${booking.reference}/reschedule?date=${d}`}
          selected={formatSlot(booking.date, booking.session.start)}
        />
      </ActionForm>
      <ButtonLink href={`/booking/${booking.reference}`} variant="secondary">
        {t("common.back")}
      </ButtonLink>
    </div>
  );
}
