import type { Translator } from "@/lib/i18n/translate";
import type { IkmRow, QuotaRow, ReportRow } from "@/lib/reports/types";
import type { Column } from "./data-table";

/** The columns of the visit tables, shared by the page and the printed monthly summary. */
export function visitColumns(t: Translator, first: string): Column<ReportRow>[] {
  return [
    { key: "label", label: first, value: (r) => r.label },
    { key: "booked", label: t("report.booked"), value: (r) => r.booked, numeric: true },
    { key: "checkedIn", label: t("report.checkedIn"), value: (r) => r.checkedIn, numeric: true },
    { key: "served", label: t("report.served"), value: (r) => r.served, numeric: true },
    { key: "noShow", label: t("report.noShow"), value: (r) => r.noShow, numeric: true },
    { key: "cancelled", label: t("report.cancelled"), value: (r) => r.cancelled, numeric: true },
    { key: "expired", label: t("report.expired"), value: (r) => r.expired, numeric: true },
    { key: "waitMedian", label: t("report.waitMedian"), value: (r) => r.waitMedian, numeric: true },
    { key: "waitP90", label: t("report.waitP90"), value: (r) => r.waitP90, numeric: true },
    { key: "serviceMedian", label: t("report.serviceMedian"), value: (r) => r.serviceMedian, numeric: true },
    { key: "serviceP90", label: t("report.serviceP90"), value: (r) => r.serviceP90, numeric: true },
  ];
}

export function quotaColumns(t: Translator, formatInstant: (iso: string) => string): Column<QuotaRow>[] {
  return [
    { key: "date", label: t("report.date"), value: (q) => q.date },
    { key: "capacity", label: t("report.capacity"), value: (q) => (q.open ? q.capacity : t("report.closed")), numeric: true },
    { key: "used", label: t("report.used"), value: (q) => q.used, numeric: true },
    { key: "onlineCapacity", label: t("report.onlineCapacity"), value: (q) => q.onlineCapacity, numeric: true },
    { key: "onlineUsed", label: t("report.onlineUsed"), value: (q) => q.onlineUsed, numeric: true },
    { key: "filledAt", label: t("report.filledAt"), value: (q) => (q.filledAt ? formatInstant(q.filledAt) : q.open ? t("report.notFilled") : "—") },
  ];
}

export function ikmColumns(t: Translator, first: string): Column<IkmRow>[] {
  return [
    { key: "label", label: first, value: (r) => r.label },
    { key: "responses", label: t("report.responses"), value: (r) => r.responses, numeric: true },
    { key: "ikm", label: t("report.ikm"), value: (r) => r.ikm.toFixed(2), numeric: true },
    { key: "grade", label: t("report.grade"), value: (r) => t(`ikm.grade.${r.grade}`) },
  ];
}
