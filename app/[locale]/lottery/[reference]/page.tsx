import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { findLotteryEntry } from "@/lib/dal/lottery/entries";
import { localDate, localTime } from "@/lib/dates";
import { formatDate, formatTime } from "@/lib/format";
import { getPageTranslator } from "@/lib/i18n/server";
import { withPlace } from "@/lib/place-path";
import { isReference, normalizeReference } from "@/lib/reference";

type Props = { params: Promise<{ locale: string; reference: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * A lottery entry (issue 9's fair release): waiting for the draw, drawn (with its booking), or not drawn
 * (with the standby list and other dates). Like a booking's page, whoever holds the code may see it; it
 * shows no name and no NIK. Rendered per request, so the result appears as soon as the draw is done.
 */
export default async function LotteryEntryPage({ params }: Props) {
  const { locale, reference: given } = await params;
  const t = getPageTranslator(locale);
  const reference = normalizeReference(given);
  const entry = isReference(reference) ? await findLotteryEntry({ reference }, { locale: t.locale }) : null;
  if (!entry) notFound();
  const drawAt = new Date(entry.drawAt);
  const tone = entry.status === "drawn" ? "success" : entry.status === "not_drawn" ? "warning" : "info";
  const place = entry.office.slug;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t(`lottery.heading.${entry.status}`)}</h1>
      <Alert tone={tone}>
        {entry.status === "waiting" ? (
          <p className="font-semibold">{t("lottery.entered")}</p>
        ) : null}
        <p>
          {entry.status === "waiting"
            ? t("lottery.status.waiting", { time: formatTime(localTime(drawAt, entry.office.timezone), t.locale), date: formatDate(localDate(drawAt, entry.office.timezone), t.locale) })
            : t(`lottery.status.${entry.status}`)}
        </p>
      </Alert>
      <Card>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-muted">{t("lottery.reference")}</dt>
            <dd className="font-mono text-2xl font-bold">{entry.referenceDisplay}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("lottery.service")}</dt>
            <dd>{entry.service.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("lottery.date")}</dt>
            <dd>{formatDate(entry.date, t.locale)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("lottery.session")}</dt>
            <dd>{formatTime(entry.session, t.locale)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("lottery.place")}</dt>
            <dd>{entry.office.name}</dd>
          </div>
        </dl>
        {entry.status === "waiting" ? <p className="mt-3 text-sm text-muted">{t("lottery.saveHint")}</p> : null}
      </Card>
      {entry.booking ? (
        <ButtonLink href={`/booking/${entry.booking.reference}`}>{t("lottery.viewBooking", { reference: entry.booking.referenceDisplay })}</ButtonLink>
      ) : null}
      {entry.status === "not_drawn" ? (
        <div className="flex flex-col gap-3 sm:flex-row">
          <ButtonLink href={withPlace(`/book/${entry.service.slug}/standby?date=${entry.date}`, place)}>{t("lottery.standby")}</ButtonLink>
          <ButtonLink href={withPlace(`/book/${entry.service.slug}?checklist=confirmed`, place)} variant="secondary">
            {t("lottery.otherDate")}
          </ButtonLink>
        </div>
      ) : null}
    </div>
  );
}
