import { Alert } from "@/components/ui/card";
import { formatDate, formatTime } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translate";

type OpenLottery = { date: string; entries: number; places: number; drawTime: string | null };

/** The dates in their lottery window now, with the public counts: "Undian: N pendaftar untuk M tempat". */
export function LotteryNotice({ lotteries, t }: { lotteries: OpenLottery[]; t: Translator }) {
  if (lotteries.length === 0) return null;
  return (
    <>
      {lotteries.map((l) => (
        <Alert key={l.date} tone="info">
          <p className="font-semibold">{t("lottery.notice", { date: formatDate(l.date, t.locale), entries: l.entries, places: l.places })}</p>
          {l.drawTime ? <p>{t("lottery.noticeExplain", { time: formatTime(l.drawTime, t.locale) })}</p> : null}
        </Alert>
      ))}
    </>
  );
}
