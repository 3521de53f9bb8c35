import type { IkmGrade, SkmScores } from "../survey/skm";

/** The granularity of a report's periods; weeks start on Monday (ISO). */
export const REPORT_GROUPS = ["day", "week", "month"] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export type ReportCounts = {
  /** Every booking for a date in the period, whatever became of it (walk-ins and assisted included). */
  booked: number;
  checkedIn: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
};

/** Minutes, one decimal; null when no visit in the group has both ends of the interval. */
export type ReportTimes = {
  /** Check-in → first call. */
  waitMedian: number | null;
  waitP90: number | null;
  /** The call that was answered → finish (after a transfer: the last counter's call). */
  serviceMedian: number | null;
  serviceP90: number | null;
};

export type ReportRow = ReportCounts & ReportTimes & { key: string; label: string };

export type HourRow = { hour: number; checkedIn: number; waitMedian: number | null; waitP90: number | null; served: number };

/** One service date's quota: all channels, and the online share with the minute it filled up. */
export type QuotaRow = {
  date: string;
  open: boolean;
  capacity: number;
  used: number;
  onlineCapacity: number;
  onlineUsed: number;
  /** ISO instant the online places first ran out, or null when they never did. */
  filledAt: string | null;
};

export type IkmRow = { key: string; label: string; responses: number; nrr: SkmScores; ikm: number; grade: IkmGrade };

export type Report = {
  office: { slug: string; name: string; timezone: string };
  from: string;
  to: string;
  groupBy: ReportGroup;
  total: ReportRow;
  periods: ReportRow[];
  services: ReportRow[];
  channels: ReportRow[];
  counters: ReportRow[];
  hours: HourRow[];
  quota: QuotaRow[];
  ikm: { total: IkmRow | null; periods: IkmRow[]; services: IkmRow[]; counters: IkmRow[] };
};
