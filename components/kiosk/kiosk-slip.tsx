import type { KioskResult } from "@/lib/actions/kiosk";
import { useT } from "@/components/i18n/translation-provider";
import { intlLocale } from "@/lib/format";

/**
 * The 80 mm thermal slip: hidden on screen, the only thing printed. Queue number first and largest, then
 * what the counter needs; the NIK only masked. The QR is the booking reference, drawn on the server.
 */
export function KioskSlip({ result }: { result: KioskResult }) {
  const t = useT();
  const { slip } = result;
  const checkedIn = slip.checkedInAt ? new Date(slip.checkedInAt).toLocaleTimeString(intlLocale(t.locale), { timeZone: slip.office.timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }) : "";
  const rows: Array<[string, string]> = [
    [t("devices.slip.service"), slip.service],
    [t("devices.slip.date"), slip.date.split("-").reverse().join("-")],
    [t("devices.slip.session"), slip.session],
    [t("devices.slip.reference"), slip.referenceDisplay],
    [t("devices.slip.nik"), slip.nikMasked],
    [t("devices.slip.checkedIn"), checkedIn],
  ];
  return (
    <article className="kiosk-slip hidden text-black print:block" aria-label={t("devices.kiosk.successTitle")}>
      <p className="text-center text-sm font-bold">{slip.office.name}</p>
      <p className="mt-2 text-center text-xs uppercase">{t("devices.kiosk.yourNumber")}</p>
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
        aria-label={t("devices.slip.qr", { reference: slip.referenceDisplay })}
        className="mx-auto mt-2 size-[30mm] [&>svg]:h-full [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: result.qrSvg }}
      />
      <p className="mt-2 text-center text-xs">{t("devices.kiosk.waitForCall")}</p>
    </article>
  );
}
