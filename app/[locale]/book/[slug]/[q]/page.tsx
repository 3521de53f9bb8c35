import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CHECKLIST_ANCHOR } from "@/components/booking/requirements-checklist";
import { canBookShownDate, SlotPicker } from "@/components/booking/slot-picker";
import { Steps } from "@/components/booking/steps";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { OutageNotice } from "@/components/outage/outage-notice";
import { LotteryNotice } from "@/components/lottery/lottery-notice";
import { listOpenLotteries } from "@/lib/dal/lottery/counts";
import { getAvailability } from "@/lib/dal/availability";
import { listPublicOutages } from "@/lib/dal/outages";
import { isChecklistComplete, tickedDocuments } from "@/lib/dal/public-service";
import { formatTime } from "@/lib/format";
import { getPageTranslator } from "@/lib/i18n/server";
import { single } from "@/lib/page-state";
import { withPlace } from "@/lib/place-path";
import { readBookingStep } from "../booking-step";

type Props = { params: Promise<{ locale: string; slug: string; q: string }> };

/** Cached for everyone (see app/[locale]/layout.tsx); never more than a second behind the database. */
export const revalidate = 1;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getPageTranslator((await params).locale)("slots.title") };
}

/** Step 2: the bookable dates, and the places left in each session of the chosen one. */
export default async function ChooseSlotPage({ params }: Props) {
  const { locale, slug, q } = await params;
  const { t, query, office, service } = await readBookingStep({ locale, slug, q });
  if (single(query.checklist) !== "confirmed" && !isChecklistComplete(service, query.ready)) {
    // Back to the checklist itself, the boxes ticked so far still ticked: nobody should tick them all twice.
    const ticked = tickedDocuments(service, query.ready).map((i) => `&ready=${i}`).join("");
    redirect(`${withPlace(`/services/${slug}?incomplete=1${ticked}`, office)}#${CHECKLIST_ANCHOR}`);
  }

  const date = single(query.date);
  const [availability, outages, lotteries] = await Promise.all([
    getAvailability({ officeSlug: office, serviceSlug: slug, t }),
    listPublicOutages({ officeSlug: office }, { locale: t.locale }),
    listOpenLotteries({ officeSlug: office }),
  ]);
  return (
    <div className="space-y-4">
      <Steps current={2} t={t} />
      <h1 className="text-2xl font-bold">{t("slots.title")}</h1>
      <p>{t("slots.serviceLabel", { service: service.name.text })}</p>
      {office ? <p>{t("places.current", { place: availability.office.name })}</p> : null}
      <OutageNotice outages={outages.filter((o) => o.service === null || o.service === service.name.text)} t={t} />
      <LotteryNotice lotteries={lotteries} t={t} />
      {availability.firstAvailableDate === null ? (
        <Alert tone="warning">{t("slots.noneAvailable", { time: formatTime(availability.office.bookingOpensAt, t.locale) })}</Alert>
      ) : null}
      <form action={`/book/${slug}/details`} method="get" className="space-y-4">
        <input type="hidden" name="checklist" value="confirmed" />
        {office ? <input type="hidden" name="office" value={office} /> : null}
        <SlotPicker
          days={availability.days}
          t={t}
          date={date}
          hrefFor={(d) => withPlace(`/book/${slug}?checklist=confirmed&date=${d}`, office)}
          standbyHrefFor={(d) => withPlace(`/book/${slug}/standby?date=${d}`, office)}
          error={query.taken ? t("slots.taken") : query.missing ? t("slots.required") : undefined}
        />
        <div className="flex flex-col gap-3 sm:flex-row">
          {/* No send button on a closed or full date: it could only answer "choose a session" (the picker offers the next date). */}
          {canBookShownDate(availability.days, date) ? <Button type="submit">{t("slots.continue")}</Button> : null}
          <ButtonLink href={withPlace(`/services/${slug}`, office)} variant="secondary">
            {t("common.back")}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
