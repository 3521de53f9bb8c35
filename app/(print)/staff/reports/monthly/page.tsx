import type { Metadata } from "next";
import { PrintButton } from "@/components/booking/print-button";
import { DataTable } from "@/components/reports/data-table";
import { ikmColumns, quotaColumns, visitColumns } from "@/components/reports/report-sections";
import { requireStaffPage } from "@/lib/auth/session";
import { localDate } from "@/lib/dates";
import { requireOfficeById } from "@/lib/dal/offices";
import { getReport } from "@/lib/dal/reports/summary";
import { intlLocale } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { monthRange } from "@/lib/reports/range";
import { ReportQuerySchema } from "@/lib/validation/reports";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.monthly"), robots: { index: false, follow: false } };
}

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** A4 summary of a month (or the report's range): the tables of the report page, without charts. */
export default async function MonthlySummaryPage({ searchParams }: Props) {
  const actor = await requireStaffPage("reports.view");
  const [params, t, office] = await Promise.all([searchParams, getTranslator(), requireOfficeById(actor.officeId)]);
  const parsed = ReportQuerySchema.safeParse({ from: params.from, to: params.to, groupBy: "day", office: params.office || undefined });
  const query = parsed.success ? parsed.data : { ...monthRange(localDate(new Date(), office.timezone)), groupBy: "day" as const };
  const report = await getReport(actor, query, { locale: t.locale });
  const formatInstant = (iso: string) => new Date(iso).toLocaleString(intlLocale(t.locale), { timeZone: report.office.timezone, dateStyle: "short", timeStyle: "short" });
  const heading = (text: string) => <h2 className="mt-4 break-after-avoid text-base font-bold">{text}</h2>;
  return (
    <main className="mx-auto max-w-[190mm] bg-white p-4 text-xs text-ink">
      <style>{"@page { size: A4; margin: 12mm; }"}</style>
      <div className="no-print mb-4"><PrintButton label={t("report.print")} /></div>
      <h1 className="text-xl font-bold">{t("report.monthlyTitle", { month: `${report.from} – ${report.to}` })}</h1>
      <p>{report.office.name}</p>
      {heading(t("report.section.periods"))}
      <DataTable caption={t("report.section.periods")} empty={t("report.noData")} rows={[...report.periods, report.total]} columns={visitColumns(t, t("report.period"))} />
      {heading(t("report.section.services"))}
      <DataTable caption={t("report.section.services")} empty={t("report.noData")} rows={report.services} columns={visitColumns(t, t("report.service"))} />
      {heading(t("report.section.channels"))}
      <DataTable caption={t("report.section.channels")} empty={t("report.noData")} rows={report.channels} columns={visitColumns(t, t("report.channel"))} />
      {heading(t("report.section.counters"))}
      <DataTable caption={t("report.section.counters")} empty={t("report.noData")} rows={report.counters} columns={visitColumns(t, t("report.counter"))} />
      {heading(t("report.section.quota"))}
      <DataTable caption={t("report.section.quota")} empty={t("report.noData")} rows={report.quota} columns={quotaColumns(t, formatInstant)} />
      {heading(t("report.section.ikm"))}
      <DataTable caption={t("report.section.ikm")} empty={t("report.ikmNone")} rows={report.ikm.total ? [report.ikm.total, ...report.ikm.services] : []} columns={ikmColumns(t, t("report.service"))} />
    </main>
  );
}
