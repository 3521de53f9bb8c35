import "server-only";
import { and, between, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { capacityUsages, dateOverrides, sessionCapacityOverrides, weeklySessions, type Office } from "@/db/schema";
import { addDays, daysBetween } from "../dates";
import { getDb } from "../db";
import { cachedRead } from "./read-cache";
import { planDay, type DayPlan } from "../schedule";

export type Usage = { day: number; sessions: Map<string, number>; services: Map<string, number> };

/**
 * The plans of the dates `from`..`to` (inclusive), from three small queries; outside a transaction from
 * the read cache (settings change a few times a year; at most a second stale).
 */
export async function loadDayPlans(db: Executor, office: Office, from: string, to: string): Promise<DayPlan[]> {
  if (db !== (await getDb())) return readDayPlans(db, office, from, to);
  return cachedRead("settings", `plans:${office.id}:${office.updatedAt?.getTime()}:${from}:${to}`, () => readDayPlans(db, office, from, to));
}

async function readDayPlans(db: Executor, office: Office, from: string, to: string): Promise<DayPlan[]> {
  const [template, overrides, sessionOverrides] = await Promise.all([
    db.select().from(weeklySessions).where(eq(weeklySessions.officeId, office.id)),
    db.select().from(dateOverrides).where(and(eq(dateOverrides.officeId, office.id), between(dateOverrides.date, from, to))),
    db
      .select()
      .from(sessionCapacityOverrides)
      .where(and(eq(sessionCapacityOverrides.officeId, office.id), between(sessionCapacityOverrides.date, from, to))),
  ]);
  const plans: DayPlan[] = [];
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) {
    const date = addDays(from, i);
    const override = overrides.find((o) => o.date === date);
    plans.push(
      planDay(date, {
        openWeekdays: office.openWeekdays,
        dailyCap: office.dailyCap,
        template,
        override: override && { kind: override.kind, reason: override.reason, reasonEn: override.reasonEn, dailyCap: override.dailyCap, isHoliday: override.isHoliday },
        sessionCapacities: new Map(sessionOverrides.filter((s) => s.date === date).map((s) => [s.startsAt.slice(0, 5), s.capacity])),
        sessionClosures: new Map(
          sessionOverrides.filter((s) => s.date === date && s.reason !== null).map((s) => [s.startsAt.slice(0, 5), { id: s.reason!, en: s.reasonEn }]),
        ),
      }),
    );
  }
  return plans;
}

export async function loadDayPlan(db: Executor, office: Office, date: string): Promise<DayPlan> {
  const [plan] = await loadDayPlans(db, office, date, date);
  return plan!;
}

/**
 * Places used per date: the day, each session (by start) and each service (by id). Outside a transaction
 * from the read cache: at most a second stale, and dropped at once by a booking or cancellation here.
 */
export async function loadUsage(db: Executor, officeId: string, dates: string[]): Promise<Map<string, Usage>> {
  if (db !== (await getDb())) return readUsage(db, officeId, dates);
  return cachedRead("usage", `usage:${officeId}:${dates.join(",")}`, () => readUsage(db, officeId, dates));
}

async function readUsage(db: Executor, officeId: string, dates: string[]): Promise<Map<string, Usage>> {
  const out = new Map<string, Usage>(dates.map((d) => [d, { day: 0, sessions: new Map(), services: new Map() }]));
  if (dates.length === 0) return out;
  const rows = await db
    .select()
    .from(capacityUsages)
    .where(and(eq(capacityUsages.officeId, officeId), inArray(capacityUsages.serviceDate, dates), inArray(capacityUsages.scope, ["day", "session", "service"])));
  for (const row of rows) {
    const usage = out.get(row.serviceDate);
    if (!usage) continue;
    if (row.scope === "day") usage.day = row.used;
    else if (row.scope === "session") usage.sessions.set(row.scopeKey, row.used);
    else usage.services.set(row.scopeKey, row.used);
  }
  return out;
}
