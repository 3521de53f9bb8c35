import "server-only";
import { and, between, eq } from "drizzle-orm";
import { dateOverrides, weeklySessions } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { addDays, daysBetween, isoWeekday, localDate, normalizeTime } from "../dates";
import { getDb } from "../db";
import { withDefaults, type CommandOptions } from "./command-options";
import { requireOfficeById } from "./offices";
import { loadDayPlans, loadUsage } from "./calendar";
import type { Note } from "../schedule";

export type CalendarSession = { start: string; end: string; capacity: number; templateCapacity: number | null; booked: number; closed: Note | null };
export type CalendarDay = {
  date: string;
  weekday: number;
  inMonth: boolean;
  isPast: boolean;
  open: boolean;
  /** `closed` (closure/holiday with its reason), `open_day` (a special day), `not_a_service_day`, or `normal`. */
  kind: "closed" | "open_day" | "not_a_service_day" | "normal";
  note: Note | null;
  dayCap: number | null;
  /** The date has its own daily cap (not the office's). */
  ownCap: boolean;
  booked: number;
  sessions: CalendarSession[];
};
export type WeeklyTemplateSession = { weekday: number; start: string; end: string; capacity: number };
export type ScheduleMonth = {
  month: string;
  today: string;
  officeDailyCap: number;
  openWeekdays: number[];
  weeks: CalendarDay[][];
  template: WeeklyTemplateSession[];
  canManage: boolean;
};

/**
 * The month as the schedule page shows it, in whole weeks (Monday first): every date's plan (closures
 * with their reason, special days, own caps, per-session capacities) with what is booked, and the
 * weekly template (`month` `YYYY-MM`, else this month). For admins, and supervisors (who may close today's sessions).
 */
export async function getScheduleMonth(actor: Actor, input: { month?: string } = {}, options: CommandOptions = {}): Promise<ScheduleMonth> {
  const { now } = withDefaults(options);
  if (!("officeId" in actor)) assertCan(actor, "schedule.manage");
  const office = await requireOfficeById((actor as { officeId: string }).officeId);
  if (!can(actor, "schedule.manage")) assertCan(actor, "schedule.close_session", office.id);
  else assertCan(actor, "schedule.manage", office.id);
  const db = await getDb();
  const today = localDate(now, office.timezone);
  const month = input.month ?? today.slice(0, 7);
  const first = `${month}-01`;
  const from = addDays(first, -(isoWeekday(first) - 1));
  const lastOfMonth = addDays(addDays(first, 31).slice(0, 8) + "01", -1);
  const to = addDays(lastOfMonth, 7 - isoWeekday(lastOfMonth));
  const [plans, template, overrides] = await Promise.all([
    loadDayPlans(db, office, from, to),
    db.select().from(weeklySessions).where(eq(weeklySessions.officeId, office.id)),
    db.select().from(dateOverrides).where(and(eq(dateOverrides.officeId, office.id), between(dateOverrides.date, from, to))),
  ]);
  const usage = await loadUsage(db, office.id, plans.map((p) => p.date));
  const days: CalendarDay[] = plans.map((plan) => {
    const weekday = isoWeekday(plan.date);
    const override = overrides.find((o) => o.date === plan.date);
    const used = usage.get(plan.date);
    const templateOf = (start: string) => template.find((t) => t.weekday === weekday && normalizeTime(t.startsAt) === start)?.capacity ?? null;
    const base = { date: plan.date, weekday, inMonth: plan.date.startsWith(month), isPast: plan.date < today, note: plan.note, booked: used?.day ?? 0 };
    if (!plan.open) {
      const kind = plan.closedReason === "holiday" || plan.closedReason === "closure" ? "closed" : "not_a_service_day";
      return { ...base, open: false, kind, dayCap: null, ownCap: false, sessions: [] };
    }
    return {
      ...base,
      open: true,
      kind: override?.kind === "open" && override.reason ? "open_day" : "normal",
      dayCap: plan.dayCap,
      ownCap: override?.kind === "open" && override.dailyCap !== null,
      sessions: plan.sessions.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity, templateCapacity: templateOf(s.start), booked: used?.sessions.get(s.start) ?? 0, closed: s.closed ?? null })),
    };
  });
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i <= daysBetween(from, to); i += 7) weeks.push(days.slice(i, i + 7));
  return {
    month,
    today,
    officeDailyCap: office.dailyCap,
    openWeekdays: office.openWeekdays,
    weeks,
    template: template
      .map((t) => ({ weekday: t.weekday, start: normalizeTime(t.startsAt), end: normalizeTime(t.endsAt), capacity: t.capacity }))
      .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
    canManage: can(actor, "schedule.manage"),
  };
}
