import type { KioskResult } from "@/lib/actions/kiosk";
import type { KioskLabels } from "./labels";

/**
 * The 80 mm thermal slip: hidden on screen, the only thing printed. Queue number first and largest, then
 * what the counter needs; the NIK only masked. The QR is the booking reference, drawn on the server.
 */
export function KioskSlip({ result, labels }: { result: KioskResult; labels: KioskLabels }) {
  const { slip } = result;
  const checkedIn = slip.checkedInAt ? new Date(slip.checkedInAt).toLocaleTimeString("id-ID", { timeZone: slip.office.timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }) : "";
  const rows: Array<[string, string]> = [
    [labels.slip.service, slip.service],
    [labels.slip.date, slip.date.split("-").reverse().join("-")],
    [labels.slip.session, slip.session],
    [labels.slip.reference, slip.referenceDisplay],
    [labels.slip.nik, slip.nikMasked],
    [labels.slip.checkedIn, checkedIn],
  ];
  return (
    <article className="kiosk-slip hidden text-black print:block" aria-label={labels.successTitle}>
      <p className="text-center text-sm font-bold">{slip.office.name}</p>
      <p className="mt-2 text-center text-xs uppercase">{labels.yourNumber}</p>
      <p className="text-center text-5xl font-black leading-tight">{slip.queueNumber}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 text-xs">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt>{term}</dt>
            <dd className="text-right font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <div
        role="img"
        aria-label={labels.slip.qr.replace("{reference}", slip.referenceDisplay)}
        className="mx-auto mt-2 size-[30mm] [&>svg]:h-full [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: result.qrSvg }}
      />
      <p className="mt-2 text-center text-xs">{labels.waitForCall}</p>
    </article>
  );
}
