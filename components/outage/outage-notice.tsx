import { Alert } from "@/components/ui/card";
import { formatDate, formatTime } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translate";

export type PublicOutage = { date: string; session: string | null; service: string | null; reason: string };

/** The outage switch, said publicly: what is suspended and why (no personal data). Nothing when none. */
export function OutageNotice({ outages, t }: { outages: PublicOutage[]; t: Translator }) {
  if (outages.length === 0) return null;
  return (
    <Alert tone="warning" aria-labelledby="outage-notice">
      <h2 id="outage-notice" className="font-bold">
        {t("outage.notice")}
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {outages.map((o) => {
          const date = formatDate(o.date, t.locale);
          const reason = o.service ? `${o.service} — ${o.reason}` : o.reason;
          return (
            <li key={`${o.date}${o.session}${o.service}`}>
              {o.session ? t("outage.noticeSession", { date, session: formatTime(o.session, t.locale), reason }) : t("outage.noticeDay", { date, reason })}
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
