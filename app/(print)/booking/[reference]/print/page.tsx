import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingSummary, QueueNumber } from "@/components/booking/booking-summary";
import { PrintButton } from "@/components/booking/print-button";
import { PrintStatus } from "@/components/booking/print-status";
import { QrCode } from "@/components/booking/qr-code";
import { ReceiptPageSize } from "@/components/booking/receipt-page-size";
import { DocumentsToBring } from "@/components/booking/requirement-text";
import { bookingHeading, hasUsableQr } from "@/lib/booking-status";
import { findRescheduledFrom } from "@/lib/dal/booking-history";
import { findConfirmationForPage, RATE_LIMITED } from "@/lib/dal/public-booking";
import type { RequirementDTO } from "@/lib/dal/services";
import { formatTime, minusMinutes } from "@/lib/format";
import { getPublicSite } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";
import { readManageToken } from "@/lib/manage-cookie";
import { requestIp } from "@/lib/request-context";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ format?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("print.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The page's id, measured by ReceiptPageSize for the receipt's paper length. */
const RECEIPT_ID = "receipt";

/**
 * Without JavaScript the receipt cannot be measured, so its paper length is estimated on the safe side:
 * the fixed part (about 300 mm in Chromium with a short list) plus 6 mm for every ~28 characters of the
 * documents to bring (a line at this width; 20 more for the copy/count tag).
 */
function receiptFallbackMm(requirements: RequirementDTO[]): number {
  const documents = requirements.filter((r) => r.kind === "document");
  return 300 + 6 * documents.reduce((lines, r) => lines + Math.ceil((r.text.text.length + 20) / 28), 0);
}

/** The confirmation without site chrome, for an A4 printer or an 80 mm receipt printer. */
export default async function PrintPage({ params, searchParams }: Props) {
  const [{ reference }, { format }, t] = await Promise.all([params, searchParams, getTranslator()]);
  const confirmation = await findConfirmationForPage({ reference, manageToken: await readManageToken(), ip: await requestIp() }, { locale: t.locale });
  if (confirmation === RATE_LIMITED) return <main className="p-4" role="alert">{t("error.rateLimited")}</main>;
  if (!confirmation) notFound();
  const { booking, requirements } = confirmation;
  const movedFrom = await findRescheduledFrom(booking.reference);
  const receipt = format === "receipt";
  const showQr = hasUsableQr(booking.status);

  return (
    <main id={RECEIPT_ID} className={`mx-auto bg-white p-4 text-ink ${receipt ? "max-w-[80mm] text-sm" : "max-w-[190mm]"}`}>
      {receipt ? (
        <>
          <ReceiptPageSize targetId={RECEIPT_ID} fallbackHeightMm={receiptFallbackMm(requirements)} marginMm={3} />
          <style>{"@media print { body { width: 74mm; } }"}</style>
        </>
      ) : (
        <style>{"@page { size: A4; margin: 15mm; }"}</style>
      )}
      <div className="no-print mb-4 flex flex-wrap gap-3">
        <PrintButton label={t("print.printNow")} />
        <a href={`/booking/${booking.reference}`} className="inline-flex min-h-12 items-center">
          {t("print.back")}
        </a>
      </div>
      <h1 className={`${receipt ? "text-base" : "text-2xl"} font-bold`}>{booking.office.name}</h1>
      <p className={booking.status === "booked" ? "text-muted" : "text-lg font-bold"}>{bookingHeading(booking.status, t)}</p>
      <PrintStatus status={booking.status} movedFrom={movedFrom} t={t} />
      {/* On a phone the A4 layout stacks, so the QR keeps its full size instead of being squeezed beside the number. */}
      <div className={`mt-3 flex ${receipt ? "flex-col items-center text-center" : "flex-col items-start gap-4 sm:flex-row sm:items-center sm:gap-6"}`}>
        {showQr ? <QrCode value={booking.reference} label={t("confirm.qrAlt", { reference: booking.referenceDisplay })} size={receipt ? 150 : 200} /> : null}
        <QueueNumber booking={booking} t={t} size={receipt ? "small" : "large"} />
      </div>
      <div className="mt-4">
        <BookingSummary booking={booking} t={t} compact={receipt} />
      </div>
      {booking.status === "booked" ? (
        <p className="mt-4 font-semibold">{t("confirm.next1", { time: formatTime(minusMinutes(booking.session.start, 15), t.locale) })}</p>
      ) : null}
      {showQr && requirements.some((r) => r.kind === "document") ? (
        <section className="mt-3">
          <h2 className="font-bold">{t("confirm.requirementsTitle")}</h2>
          <DocumentsToBring requirements={requirements} t={t} className="pl-5" />
        </section>
      ) : null}
      <p className="mt-4 break-all text-xs">{t("survey.slipLink", { url: `${getPublicSite().origin}/booking/${booking.reference}/survey` })}</p>
      <p className="mt-4 text-xs text-muted">{t("print.footer")}</p>
    </main>
  );
}
