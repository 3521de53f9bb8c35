import { DataTable } from "@/components/reports/data-table";
import { Card } from "@/components/ui/card";
import type { Transparency } from "@/lib/dal/transparency";
import { formatDate, intlLocale } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translate";

/**
 * One place's public figures: its places this week and last month's performance. `heading` is the level of
 * the section headings (2 on a one-place page, 3 under each place's own heading). With several places on one
 * page, `placeHeadingId` names the place's own heading: each section is then named by its heading and the
 * place's ("Minggu ini, Kota Bogor"), so a screen reader's list of regions tells the places apart.
 */
export function TransparencyFigures({
  data,
  t,
  heading = 2,
  idPrefix = "",
  placeHeadingId,
}: {
  data: Transparency;
  t: Translator;
  heading?: 2 | 3;
  idPrefix?: string;
  placeHeadingId?: string;
}) {
  const H = heading === 2 ? "h2" : "h3";
  const labelledBy = (id: string) => (placeHeadingId ? `${idPrefix}${id} ${placeHeadingId}` : `${idPrefix}${id}`);
  const m = data.lastMonth;
  const suppressed = t("transparency.suppressed");
  const figures: [string, string][] = [
    [t("transparency.noShowRate"), m.noShowRate === null ? suppressed : `${(m.noShowRate * 100).toLocaleString(intlLocale(t.locale), { maximumFractionDigits: 1 })}%`],
    [t("transparency.medianWait"), m.medianWaitMinutes === null ? suppressed : t("transparency.minutes", { value: m.medianWaitMinutes })],
    [t("transparency.ikm"), m.ikm === null || !m.ikmGrade ? suppressed : `${m.ikm.toFixed(2)} · ${t(`ikm.grade.${m.ikmGrade}`)}`],
    [t("transparency.responses"), String(m.responses)],
  ];
  return (
    <div className="space-y-6">
      <section aria-labelledby={labelledBy("week")} className="space-y-2">
        <H id={`${idPrefix}week`} className="text-xl font-bold">{t("transparency.week")}</H>
        <Card>
          <DataTable<Transparency["days"][number]>
            caption={t("transparency.week")}
            empty="—"
            rows={data.days}
            columns={[
              { key: "date", label: t("report.date"), value: (d) => formatDate(d.date, t.locale) },
              { key: "capacity", label: t("report.capacity"), value: (d) => (d.capacity === 0 ? t("report.closed") : d.capacity), numeric: true },
              { key: "booked", label: t("report.booked"), value: (d) => d.booked, numeric: true },
              { key: "remaining", label: t("transparency.remaining"), value: (d) => d.remaining, numeric: true },
            ]}
          />
        </Card>
      </section>
      <section aria-labelledby={labelledBy("last-month")} className="space-y-2">
        <H id={`${idPrefix}last-month`} className="text-xl font-bold">{t("transparency.lastMonth", { from: formatDate(m.from, t.locale), to: formatDate(m.to, t.locale) })}</H>
        <Card>
          <dl className="grid gap-3 sm:grid-cols-2">
            {figures.map(([label, value]) => (
              <div key={label}>
                <dt className="text-sm text-muted">{label}</dt>
                <dd className="text-2xl font-bold">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </section>
      {data.lottery.length > 0 ? (
        <section aria-labelledby={labelledBy("lottery")} className="space-y-2">
          <H id={`${idPrefix}lottery`} className="text-xl font-bold">{t("lottery.transparency.title")}</H>
          <p className="text-sm text-muted">{t("lottery.transparency.intro")}</p>
          <Card>
            <DataTable<Transparency["lottery"][number]>
              caption={t("lottery.transparency.title")}
              empty="—"
              rows={data.lottery}
              columns={[
                { key: "date", label: t("report.date"), value: (d) => formatDate(d.date, t.locale) },
                { key: "entries", label: t("lottery.transparency.entries"), value: (d) => d.entries, numeric: true },
                { key: "places", label: t("lottery.transparency.places"), value: (d) => d.places, numeric: true },
                { key: "winners", label: t("lottery.transparency.winners"), value: (d) => (d.winners === null ? t("lottery.transparency.pending") : d.winners), numeric: true },
                { key: "seed", label: t("lottery.transparency.seed"), value: (d) => d.seed },
              ]}
            />
          </Card>
        </section>
      ) : null}
    </div>
  );
}
