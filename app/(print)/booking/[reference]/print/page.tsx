import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingSummary, QueueNumber } from "@/components/booking/booking-summary";
import { PrintButton } from "@/components/booking/print-button";
import { QrCode } from "@/components/booking/qr-code";
import { DocumentsToBring } from "@/components/booking/requirement-text";
import { findConfirmationForPage, RATE_LIMITED } from "@/lib/dal/public-booking";
import { formatTime, minusMinutes } from "@/lib/format";
import { getPublicSite } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";
import { readManageToken } from "@/lib/manage-cookie";
import { requestIp } from "@/lib/request-context";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ format?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("print.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

const PAGE_CSS = {
  a4: "@page { size: A4; margin: 15mm; }",
  receipt: "@page { size: 80mm auto; margin: 3mm; } body { width: 74mm; }",
} as const;

/** The confirmation without site chrome, for an A4 printer or an 80 mm receipt printer. */
export default async function PrintPage({ params, searchParams }: Props) {
  const [{ reference }, { format }, t] = await Promise.all([params, searchParams, getTranslator()]);
  const confirmation = await findConfirmationForPage(reference, t.locale, await readManageToken(), await requestIp());
  if (confirmation === RATE_LIMITED) return <main className="p-4" role="alert">{t("error.rateLimited")}</main>;
  if (!confirmation) notFound();
  const { booking, requirements } = confirmation;
  const receipt = format === "receipt";

  return (
    <main className={`mx-auto bg-white p-4 text-ink ${receipt ? "max-w-[80mm] text-sm" : "max-w-[190mm]"}`}>
      <style>{PAGE_CSS[receipt ? "receipt" : "a4"]}</style>
      <div className="no-print mb-4 flex flex-wrap gap-3">
        <PrintButton label={t("print.printNow")} />
        <a href={`/booking/${booking.reference}`} className="inline-flex min-h-12 items-center">
          {t("print.back")}
        </a>
      </div>
      <h1 className={`${receipt ? "text-base" : "text-2xl"} font-bold`}>{booking.office.name}</h1>
      <p className="text-muted">{t("confirm.title")}</p>
      <div className={`mt-3 flex ${receipt ? "flex-col items-center text-center" : "items-center gap-6"}`}>
        <QrCode value={booking.reference} label={t("confirm.qrAlt", { reference: booking.referenceDisplay })} size={receipt ? 150 : 200} />
        <QueueNumber booking={booking} t={t} size={receipt ? "small" : "large"} />
      </div>
      <div className="mt-4">
        <BookingSummary booking={booking} t={t} compact={receipt} />
      </div>
      <p className="mt-4 font-semibold">{t("confirm.next1", { time: formatTime(minusMinutes(booking.session.start, 15), t.locale) })}</p>
      {requirements.some((r) => r.kind === "document") ? (
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
