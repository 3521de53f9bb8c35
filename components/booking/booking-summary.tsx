import type { ReactNode } from "react";
import type { BookingDTO } from "@/lib/dal/booking-dto";
import { formatDate } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translate";
import { LocalizedText } from "./localized-text";

/** The booking's facts as a definition list; the NIK only masked. */
export function BookingSummary({ booking, t, compact = false }: { booking: BookingDTO; t: Translator; compact?: boolean }) {
  const rows: [string, ReactNode][] = [
    [t("confirm.name"), booking.name ?? "—"],
    [t("confirm.nik"), booking.nikMasked],
    [t("confirm.service"), <LocalizedText key="service" value={{ text: booking.service.name, lang: booking.service.nameLang }} t={t} />],
    [t("confirm.date"), formatDate(booking.date, t.locale)],
    [t("confirm.session"), booking.session.label],
    [t("confirm.office"), [booking.office.name, booking.office.address].filter(Boolean).join(", ")],
  ];
  return (
    <dl className={compact ? "space-y-1 text-sm" : "grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]"}>
      {rows.map(([label, value]) => (
        <div key={label} className={compact ? "" : "contents"}>
          <dt className="font-semibold text-muted">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function QueueNumber({ booking, t, size = "large" }: { booking: BookingDTO; t: Translator; size?: "large" | "small" }) {
  return (
    <div>
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">{t("confirm.queueNumber")}</p>
      <p className={`whitespace-nowrap font-bold tabular-nums ${size === "large" ? "text-6xl" : "text-4xl"}`}>{booking.queueNumber}</p>
      <p className="mt-1 text-sm font-semibold uppercase tracking-wide text-muted">{t("confirm.reference")}</p>
      <p className={`font-mono font-bold tracking-widest ${size === "large" ? "text-2xl" : "text-xl"}`}>{booking.referenceDisplay}</p>
    </div>
  );
}
