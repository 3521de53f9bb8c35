import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/reports/data-table";
import { ReportChart, type ChartProps } from "@/components/reports/report-chart";
import { ReportFilters } from "@/components/reports/report-filters";
import { ikmColumns, quotaColumns, visitColumns } from "@/components/reports/report-sections";
import { buttonClass } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { localDate } from "@/lib/dates";
import { requireOfficeById } from "@/lib/dal/offices";
import { getReport } from "@/lib/dal/reports/summary";
import { listReportPlaces } from "@/lib/dal/places";
import { AppError, isAppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import type { Translator } from "@/lib/i18n/translate";
import { monthRange, previousMonthRange } from "@/lib/reports/range";
import { REPORT_GROUPS, type Report } from "@/lib/reports/types";
import { SKM_ELEMENTS } from "@/lib/survey/skm";
import { ReportQuerySchema, type ReportQuery } from "@/lib/validation/reports";
import { parseInput } from "@/lib/validation/parse";
import { intlLocale } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.reports") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const CHARTS = ["status", "waits", "hours"] as const;
type ChartKind = (typeof CHARTS)[number];

function chartOf(kind: ChartKind, report: Report, t: Translator): ChartProps & { table: "periods" | "hours" } {
  const label = (key: MessageKey) => t(key);
  if (kind === "hours") {
    return {
      kind: "bar",
      title: t("report.section.hours"),
      description: t("report.chartLabel", { title: t("report.section.hours") }),
      data: report.hours.map((h) => ({ hour: `${String(h.hour).padStart(2, "0")}:00`, checkedIn: h.checkedIn, served: h.served })),
      xKey: "hour",
      series: [
        { key: "checkedIn", label: label("report.checkedIn") },
        { key: "served", label: label("report.served") },
      ],
      table: "hours",
    };
  }
  const data = report.periods.map((p) => ({ ...p, period: p.label }));
  if (kind === "waits") {
    return {
      kind: "line",
      title: t("report.section.periods"),
      description: t("report.chartLabel", { title: `${t("report.waitMedian")}, ${t("report.waitP90")}, ${t("report.serviceMedian")}` }),
      data,
      xKey: "period",
      series: (["waitMedian", "waitP90", "serviceMedian", "serviceP90"] as const).map((key) => ({ key, label: label(`report.${key}`) })),
      table: "periods",
    };
  }
  return {
    kind: "bar",
    title: t("report.section.periods"),
    description: t("report.chartLabel", { title: t("report.section.periods") }),
    data,
    xKey: "period",
    series: (["booked", "served", "noShow", "cancelled"] as const).map((key) => ({ key, label: label(`report.${key}`) })),
    table: "periods",
  };
}

/** The office's numbers for a range: a chart with its table, then every breakdown as a table. */
export default async function ReportsPage({ searchParams }: Props) {
  const actor = await requireStaffPage("reports.view");
  const [t, params, office, places] = await Promise.all([getTranslator(), searchParams, requireOfficeById(actor.officeId), listReportPlaces(actor)]);
  // The training place has no reports: its bookings are rehearsals.
  if (places.length === 0) return <Alert tone="info">{t("field.office.training")}</Alert>;
  const today = localDate(new Date(), office.timezone);
  const chart: ChartKind = CHARTS.find((c) => c === params.chart) ?? "status";
  let query: ReportQuery = { ...monthRange(today), groupBy: "day" as const, office: undefined };
  let error: string | null = null;
  if (params.from || params.to || params.office) {
    try {
      const place = typeof params.office === "string" && params.office !== office.slug ? params.office : undefined;
      if (place && !places.some((p) => p.slug === place)) throw new AppError("validation", "error.validation", { fields: { office: ["field.office.unknown"] } });
      query = parseInput(ReportQuerySchema, { from: params.from || query.from, to: params.to || query.to, groupBy: params.groupBy || "day", office: place });
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = Object.values(e.fields ?? {}).flat().map((k) => t(k)).join(" ") || t(e.messageKey);
    }
  }
  const report = await getReport(actor, query, { locale: t.locale });
  const shown = chartOf(chart, report, t);
  const placeQuery: Record<string, string> = report.office.slug === office.slug ? {} : { office: report.office.slug };
  const qs = (extra: Record<string, string>) => new URLSearchParams({ from: report.from, to: report.to, groupBy: report.groupBy, chart, ...placeQuery, ...extra }).toString();
  const formatInstant = (iso: string) => new Date(iso).toLocaleString(intlLocale(t.locale), { timeZone: office.timezone, dateStyle: "medium", timeStyle: "short" });
  const groups = REPORT_GROUPS.map((g) => ({ value: g, label: t(`report.group.${g}`) }));
  const last = previousMonthRange(today);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("report.title")}</h1>
      <p>{t("report.intro")}</p>
      <p className="font-semibold">{t("places.current", { place: report.office.name })}</p>
      <Card className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <ReportFilters
          from={report.from}
          to={report.to}
          groupBy={report.groupBy}
          chart={chart}
          office={report.office.slug}
          places={places.map((p) => ({ value: p.slug, label: p.name }))}
          text={{ from: t("report.from"), to: t("report.to"), groupBy: t("report.groupBy"), groups, show: t("report.show"), label: t("report.title"), place: t("report.place") }}
        />
        <div className="flex flex-wrap gap-3">
          <Link className={buttonClass("ghost")} href={`?${new URLSearchParams({ ...monthRange(today), groupBy: "day", chart, ...placeQuery })}`}>{t("report.thisMonth")}</Link>
          <Link className={buttonClass("ghost")} href={`?${new URLSearchParams({ ...last, groupBy: "day", chart, ...placeQuery })}`}>{t("report.lastMonth")}</Link>
          <a className={buttonClass("secondary")} href={`/staff/reports/export.csv?${qs({})}`} download>{t("report.downloadCsv")}</a>
          <Link className={buttonClass("secondary")} href={`/staff/reports/monthly?${qs({})}`}>{t("report.printMonthly")}</Link>
          <Link className={buttonClass("secondary")} href={`/staff/reports/manifest?date=${today}&counter=1`}>{t("report.printManifest")}</Link>
        </div>
      </Card>

      <section aria-labelledby="chart-heading" className="space-y-3">
        <h2 id="chart-heading" className="text-xl font-bold">{t("report.chart")}</h2>
        <nav aria-label={t("report.view")} className="flex flex-wrap gap-2">
          {CHARTS.map((c) => (
            <Link key={c} href={`?${qs({ chart: c })}`} aria-current={c === chart ? "page" : undefined} className={buttonClass(c === chart ? "primary" : "secondary")}>
              {c === "status" ? t("report.section.periods") : c === "waits" ? `${t("report.waitMedian")} / p90` : t("report.section.hours")}
            </Link>
          ))}
        </nav>
        <div className="grid gap-4 xl:grid-cols-2">
          <Card>
            <ReportChart kind={shown.kind} title={shown.title} description={shown.description} data={shown.data} xKey={shown.xKey} series={shown.series} />
          </Card>
          <Card>
            {shown.table === "hours" ? (
              <DataTable
                caption={t("report.section.hours")}
                empty={t("report.noData")}
                rows={report.hours}
                columns={[
                  { key: "hour", label: t("report.hour"), value: (h) => `${String(h.hour).padStart(2, "0")}:00` },
                  { key: "checkedIn", label: t("report.checkedIn"), value: (h) => h.checkedIn, numeric: true },
                  { key: "served", label: t("report.served"), value: (h) => h.served, numeric: true },
                  { key: "waitMedian", label: t("report.waitMedian"), value: (h) => h.waitMedian, numeric: true },
                  { key: "waitP90", label: t("report.waitP90"), value: (h) => h.waitP90, numeric: true },
                ]}
              />
            ) : (
              <DataTable caption={t("report.section.periods")} empty={t("report.noData")} rows={[...report.periods, report.total]} columns={visitColumns(t, t("report.period"))} />
            )}
          </Card>
        </div>
      </section>

      {(
        [
          ["services", t("report.section.services"), report.services, t("report.service")],
          ["channels", t("report.section.channels"), report.channels, t("report.channel")],
          ["counters", t("report.section.counters"), report.counters, t("report.counter")],
        ] as const
      ).map(([id, title, rows, first]) => (
        <section key={id} aria-labelledby={`${id}-heading`} className="space-y-2">
          <h2 id={`${id}-heading`} className="text-xl font-bold">{title}</h2>
          <Card><DataTable caption={title} empty={t("report.noData")} rows={[...rows]} columns={visitColumns(t, first)} /></Card>
        </section>
      ))}

      <section aria-labelledby="quota-heading" className="space-y-2">
        <h2 id="quota-heading" className="text-xl font-bold">{t("report.section.quota")}</h2>
        <Card><DataTable caption={t("report.section.quota")} empty={t("report.noData")} rows={report.quota} columns={quotaColumns(t, formatInstant)} /></Card>
      </section>

      <section aria-labelledby="ikm-heading" className="space-y-2">
        <h2 id="ikm-heading" className="text-xl font-bold">{t("report.section.ikm")}</h2>
        {report.ikm.total ? (
          <Card className="space-y-4">
            <p className="text-lg">
              <strong>{report.ikm.total.ikm.toFixed(2)}</strong> · {t(`ikm.grade.${report.ikm.total.grade}`)} · {t("report.responses")}: {report.ikm.total.responses}
            </p>
            <DataTable
              caption={t("report.section.ikm")}
              empty={t("report.ikmNone")}
              rows={SKM_ELEMENTS.map((e) => ({ element: t(`survey.element.${e}`), nrr: report.ikm.total!.nrr[e] }))}
              columns={[
                { key: "element", label: t("report.section.ikm"), value: (r) => r.element },
                { key: "nrr", label: "NRR", value: (r) => r.nrr.toFixed(2), numeric: true },
              ]}
            />
            <DataTable caption={t("report.section.services")} empty={t("report.ikmNone")} rows={report.ikm.services} columns={ikmColumns(t, t("report.service"))} />
            <DataTable caption={t("report.section.counters")} empty={t("report.ikmNone")} rows={report.ikm.counters} columns={ikmColumns(t, t("report.counter"))} />
          </Card>
        ) : (
          <p>{t("report.ikmNone")}</p>
        )}
      </section>
    </div>
  );
}
