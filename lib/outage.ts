import type { DayPlan } from "./schedule";

/** Why the office stops taking bookings; `other` carries the office's own words. */
export const OUTAGE_REASON_CODES = ["siak_down", "network_down", "blanko_empty", "other"] as const;
export type OutageReasonCode = (typeof OUTAGE_REASON_CODES)[number];

/** The public wording of the preset reasons, in both languages (shown on the citizen pages and in messages). */
export const OUTAGE_REASON_TEXT: Record<Exclude<OutageReasonCode, "other">, { id: string; en: string }> = {
  siak_down: { id: "SIAK (sistem data kependudukan) tidak dapat diakses", en: "SIAK (the civil registry system) is down" },
  network_down: { id: "Jaringan internet kantor terganggu", en: "The office network is down" },
  blanko_empty: { id: "Blanko KTP-el habis", en: "Blank KTP-el cards have run out" },
};

/** An active outage as the availability sees it: what it covers and why. */
export type ActiveOutage = {
  id: string;
  date: string;
  /** `HH:MM`, or null for the whole day. */
  session: string | null;
  serviceId: string | null;
  reason: { id: string; en: string | null };
};

export type PlanWithOutage = DayPlan & { outage?: { id: string; en: string | null } };

/**
 * A day plan as one service may book it while outages hold: a day-wide outage closes the date (its reason
 * public), a session outage takes that session out. Outages for other services or dates change nothing.
 */
export function applyOutages(plan: DayPlan, outages: readonly ActiveOutage[], serviceId: string): PlanWithOutage {
  const relevant = outages.filter((o) => o.date === plan.date && (o.serviceId === null || o.serviceId === serviceId));
  if (relevant.length === 0 || !plan.open) return plan;
  const dayWide = relevant.find((o) => o.session === null);
  if (dayWide) return { date: plan.date, open: false, closedReason: "outage", note: dayWide.reason, outage: dayWide.reason };
  const suspended = new Set(relevant.map((o) => o.session));
  const sessions = plan.sessions.filter((s) => !suspended.has(s.start));
  const reason = relevant[0]!.reason;
  if (sessions.length === 0) return { date: plan.date, open: false, closedReason: "outage", note: reason, outage: reason };
  return { ...plan, sessions, outage: reason };
}

/** The outage that stops this service's session on this date, if any. */
export function findOutageFor(outages: readonly ActiveOutage[], date: string, session: string, serviceId: string): ActiveOutage | undefined {
  return outages.find((o) => o.date === date && (o.session === null || o.session === session) && (o.serviceId === null || o.serviceId === serviceId));
}

/**
 * The priority share of a day: how many priority rebookings it takes on top of the online quota (they may
 * use the walk-in reserve, never more than the day's or a session's full capacity). 0 % turns it off.
 */
export function priorityAllowance(dayCap: number, percent: number): number {
  return percent <= 0 ? 0 : Math.ceil((dayCap * percent) / 100);
}
