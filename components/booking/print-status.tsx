import { hasUsableQr, type BookingStatus } from "@/lib/booking-status";
import type { Translator } from "@/lib/i18n/translate";

/** The booking's status on a printout, and — once it can no longer be used — a plain word that it is void. */
export function PrintStatus({ status, t }: { status: BookingStatus; t: Translator }) {
  const usable = hasUsableQr(status);
  return (
    <div className={`mt-2 ${usable ? "" : "rounded border-2 border-red-800 p-2 text-red-900"}`}>
      <p className="font-semibold">{t("print.status", { status: t(`status.${status}`) })}</p>
      {usable ? null : <p className="font-bold">{t("print.void")}</p>}
    </div>
  );
}
