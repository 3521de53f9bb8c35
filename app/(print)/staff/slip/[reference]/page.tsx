import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/booking/print-button";
import { QrCode } from "@/components/booking/qr-code";
import { ReceiptPageSize } from "@/components/booking/receipt-page-size";
import { requireStaffPage } from "@/lib/auth/session";
import { getSlip } from "@/lib/dal/queue/slip";
import { hasUsableQr } from "@/lib/booking-status";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { getPublicSite } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";
import { CHANNEL_LABEL, PRIORITY_LABEL, STATUS_LABEL } from "@/lib/queue-labels";
import { isReference, normalizeReference } from "@/lib/reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.slip"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The slip's id, measured by ReceiptPageSize for the paper length. */
const SLIP_ID = "slip";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ checkIn?: string }> };

/** The 80 mm slip for a citizen booked at the counter: queue number, service, session, QR of the reference. */
export default async function SlipPage({ params, searchParams }: Props) {
  const actor = await requireStaffPage("day.view");
  const [{ reference: raw }, { checkIn }, t] = await Promise.all([params, searchParams, getTranslator()]);
  const reference = normalizeReference(raw);
  if (!isReference(reference)) notFound();
  const slip = await getSlip(actor, { reference }, { locale: t.locale }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });

  return (
    <main id={SLIP_ID} className="mx-auto max-w-[80mm] bg-white p-2 text-center text-sm text-ink">
      <ReceiptPageSize targetId={SLIP_ID} fallbackHeightMm={220} marginMm={4} />
      <style>{"@media print { body { width: 72mm; } }"}</style>
      <div className="no-print mb-4 flex flex-col gap-2">
        {checkIn === "failed" ? <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-2 text-left">{t("queue.error.walkInCheckIn")}</p> : null}
        <PrintButton label={t("slip.print")} />
        <Link href="/staff/assist" className="inline-flex min-h-12 items-center justify-center">
          {t("slip.another")}
        </Link>
      </div>
      <h1 className="text-base font-bold">{slip.office.name}</h1>
      <p>{formatDate(slip.date, t.locale)}</p>
      <p className="mt-2 text-xs uppercase tracking-wide">{t("slip.queueNumber")}</p>
      <p className="text-5xl font-bold tracking-wider">{slip.queueNumber}</p>
      {slip.isPriority ? <p className="font-semibold">{`${t("queue.priority.badge")}${slip.priorityReason ? ` · ${t(PRIORITY_LABEL[slip.priorityReason])}` : ""}`}</p> : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-left">
        <dt className="font-semibold">{t("slip.service")}</dt>
        <dd>{slip.service.name}</dd>
        <dt className="font-semibold">{t("slip.session")}</dt>
        <dd>{slip.session.label}</dd>
        <dt className="font-semibold">{t("slip.nik")}</dt>
        <dd className="font-mono">{slip.nikMasked}</dd>
        <dt className="font-semibold">{t("slip.status")}</dt>
        <dd>{t(STATUS_LABEL[slip.status])}</dd>
        <dt className="font-semibold">{t("slip.channel")}</dt>
        <dd>{t(CHANNEL_LABEL[slip.channel])}</dd>
        <dt className="font-semibold">{t("slip.reference")}</dt>
        <dd className="font-mono">{slip.referenceDisplay}</dd>
      </dl>
      {hasUsableQr(slip.status) ? (
        <>
          <div className="mt-3 flex justify-center">
            <QrCode value={slip.reference} label={t("slip.qr", { reference: slip.referenceDisplay })} size={140} />
          </div>
          <p className="mt-2 text-xs">{slip.status === "booked" ? t("slip.bringKtp") : t("slip.wait")}</p>
        </>
      ) : (
        <p className="mt-3 rounded border-2 border-red-800 p-2 font-bold text-red-900">{t("print.void")}</p>
      )}
      <p className="mt-2 break-all text-xs">{t("survey.slipLink", { url: `${getPublicSite().origin}/booking/${slip.reference}/survey` })}</p>
    </main>
  );
}
