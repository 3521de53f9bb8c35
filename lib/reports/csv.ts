import { stringify } from "csv-stringify/sync";
import type { IkmRow, Report, ReportRow } from "./types";

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+…`, `-…`, `@…`, or one hidden behind a tab
 * or carriage return) is prefixed with `'`, so it shows as text. Numbers are written as numbers.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const CSV_COLUMNS = [
  "section",
  "group",
  "booked",
  "checked_in",
  "served",
  "no_show",
  "cancelled",
  "expired",
  "wait_median_min",
  "wait_p90_min",
  "service_median_min",
  "service_p90_min",
  "capacity",
  "used",
  "online_capacity",
  "online_used",
  "online_full_at",
  "survey_responses",
  "ikm",
  "ikm_grade",
] as const;

type CsvRecord = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

function visitRecord(section: string, row: ReportRow): CsvRecord {
  return {
    section,
    group: row.label,
    booked: row.booked,
    checked_in: row.checkedIn,
    served: row.served,
    no_show: row.noShow,
    cancelled: row.cancelled,
    expired: row.expired,
    wait_median_min: row.waitMedian,
    wait_p90_min: row.waitP90,
    service_median_min: row.serviceMedian,
    service_p90_min: row.serviceP90,
  };
}

function ikmRecord(section: string, row: IkmRow): CsvRecord {
  return { section, group: row.label, survey_responses: row.responses, ikm: row.ikm, ikm_grade: row.grade };
}

/** The report as one CSV: a `section` column says which table a row belongs to; the numbers are the page's. */
export function reportToCsv(report: Report): string {
  const records: CsvRecord[] = [
    visitRecord("total", report.total),
    ...report.periods.map((r) => visitRecord(`period_${report.groupBy}`, r)),
    ...report.services.map((r) => visitRecord("service", r)),
    ...report.channels.map((r) => visitRecord("channel", { ...r, label: r.key })),
    ...report.counters.map((r) => visitRecord("counter", r)),
    ...report.hours.map((h) => ({ section: "hour", group: String(h.hour).padStart(2, "0"), checked_in: h.checkedIn, served: h.served, wait_median_min: h.waitMedian, wait_p90_min: h.waitP90 })),
    ...report.quota.map((q) => ({ section: "quota", group: q.date, capacity: q.capacity, used: q.used, online_capacity: q.onlineCapacity, online_used: q.onlineUsed, online_full_at: q.filledAt })),
    ...(report.ikm.total ? [ikmRecord("ikm_total", report.ikm.total)] : []),
    ...report.ikm.periods.map((r) => ikmRecord(`ikm_period_${report.groupBy}`, r)),
    ...report.ikm.services.map((r) => ikmRecord("ikm_service", r)),
    ...report.ikm.counters.map((r) => ikmRecord("ikm_counter", r)),
  ];
  return stringify(records, {
    header: true,
    bom: true,
    columns: [...CSV_COLUMNS],
    cast: { string: (value) => neutralizeFormula(value) },
  });
}

function reportFileName(report: Report): string {
  return `laporan-${report.office.slug}-${report.from}-${report.to}.csv`;
}

/** The report as a CSV download (the staff page's link and the API's, both inside `apiRoute`). */
export function reportCsvResponse(report: Report): Response {
  return new Response(reportToCsv(report), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${reportFileName(report)}"` },
  });
}


