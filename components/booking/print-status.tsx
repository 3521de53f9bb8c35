import { hasUsableQr, type BookingStatus } from "@/lib/booking-status";
import { formatDate, formatTime } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translate";

type Props = { status: BookingStatus; movedFrom?: { date: string; session: string } | null; t: Translator };

/**
 * The booking's status on a printout: once it can no longer be used, a plain word that it is void; after
 * a move, the schedule it had before, so an older printout is not mistaken for the current one.
 */
export function PrintStatus({ status, movedFrom, t }: Props) {
  const usable = hasUsableQr(status);
  return (
    <div className={`mt-2 ${usable ? "" : "rounded border-2 border-red-800 p-2 text-red-900"}`}>
      <p className="font-semibold">{t("print.status", { status: t(`status.${status}`) })}</p>
      {usable ? null : <p className="font-bold">{t("print.void")}</p>}
      {usable && movedFrom ? <p>{t("print.moved", { date: formatDate(movedFrom.date, t.locale), time: formatTime(movedFrom.session, t.locale) })}</p> : null}
    </div>
  );
}
