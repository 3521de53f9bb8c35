import type { Metadata } from "next";
import { DataTable } from "@/components/reports/data-table";
import { Card } from "@/components/ui/card";
import { getTransparency, MIN_CELL, type Transparency } from "@/lib/dal/transparency";
import { formatDate } from "@/lib/format";
import { getPageTranslator } from "@/lib/i18n/server";

/** Cached for everyone (see app/[locale]/layout.tsx); never more than a second behind the database. */
export const revalidate = 1;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getPageTranslator((await params).locale)("transparency.title") };
}

/** Public, no login: places this week and last month's performance; small cells withheld. */
export default async function TransparencyPage({ params }: Props) {
  const [t, data] = await Promise.all([params.then((p) => getPageTranslator(p.locale)), getTransparency()]);
  const m = data.lastMonth;
  const suppressed = t("transparency.suppressed");
  const figures: [string, string][] = [
    [t("transparency.noShowRate"), m.noShowRate === null ? suppressed : `${(m.noShowRate * 100).toLocaleString(t.locale === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 1 })}%`],
    [t("transparency.medianWait"), m.medianWaitMinutes === null ? suppressed : t("transparency.minutes", { value: m.medianWaitMinutes })],
    [t("transparency.ikm"), m.ikm === null || !m.ikmGrade ? suppressed : `${m.ikm.toFixed(2)} · ${t(`ikm.grade.${m.ikmGrade}`)}`],
    [t("transparency.responses"), String(m.responses)],
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("transparency.title")}</h1>
      <p>{data.office.name}</p>
      <p>{t("transparency.intro", { min: MIN_CELL })}</p>
      <section aria-labelledby="week" className="space-y-2">
        <h2 id="week" className="text-xl font-bold">{t("transparency.week")}</h2>
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
      <section aria-labelledby="last-month" className="space-y-2">
        <h2 id="last-month" className="text-xl font-bold">{t("transparency.lastMonth", { from: formatDate(m.from, t.locale), to: formatDate(m.to, t.locale) })}</h2>
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
      <p className="text-sm text-muted">{t("transparency.updated")}</p>
    </div>
  );
}
