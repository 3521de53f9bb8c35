import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dateOverrides, sessionCapacityOverrides, weeklySessions, type Office } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { addDays, isoWeekday, localDate, normalizeTime } from "../dates";
import { AppError } from "../errors";
import { parseClosureList, type ClosureLineProblem } from "../schedule-import";
import type { AddWeeklySessionInput, OnConflict, UpdateWeeklySessionInput, WeeklySessionRef } from "../validation/schedule";
import { withDefaults, type CommandOptions } from "./command-options";
import { requireScheduleOffice, runScheduleChange, type ScheduleChangeResult, type ScheduleWrite } from "./schedule-changes";
import type { CapTarget } from "./schedule-safety";


/** 422 for a pasted list with bad lines: every bad line, so they can all be fixed at once. */
export class ImportLinesError extends AppError {
  constructor(readonly problems: ClosureLineProblem[]) {
    super("validation", "schedule.import.invalid", { fields: { lines: ["schedule.import.invalid"] }, params: { count: problems.length } });
  }
}

/** The dates a weekly change reaches: from today through the last date that can be booked. */
function upcomingDates(office: Office, weekday: number, now: Date): string[] {
  const today = localDate(now, office.timezone);
  const dates: string[] = [];
  for (let i = 0; i <= office.bookingDaysAhead + 1; i++) {
    const date = addDays(today, i);
    if (isoWeekday(date) === weekday) dates.push(date);
  }
  return dates;
}

async function requireWeekly(tx: Executor, officeId: string, weekday: number, startsAt: string) {
  const [row] = await tx
    .select()
    .from(weeklySessions)
    .where(and(eq(weeklySessions.officeId, officeId), eq(weeklySessions.weekday, weekday), eq(weeklySessions.startsAt, startsAt)))
    .for("update");
  if (!row) throw new AppError("not_found", "schedule.error.noSession");
  return row;
}

/** The upcoming dates where the weekly session's capacity applies (no per-date capacity of their own). */
async function templateTargets(tx: Executor, office: Office, weekday: number, start: string, capacity: number, now: Date): Promise<CapTarget[]> {
  const dates = upcomingDates(office, weekday, now);
  if (dates.length === 0) return [];
  const own = await tx
    .select({ date: sessionCapacityOverrides.date })
    .from(sessionCapacityOverrides)
    .where(and(eq(sessionCapacityOverrides.officeId, office.id), eq(sessionCapacityOverrides.startsAt, start), inArray(sessionCapacityOverrides.date, dates)));
  const closed = await tx
    .select({ date: dateOverrides.date })
    .from(dateOverrides)
    .where(and(eq(dateOverrides.officeId, office.id), eq(dateOverrides.kind, "closed"), inArray(dateOverrides.date, dates)));
  const skip = new Set([...own, ...closed].map((r) => r.date));
  return dates.filter((d) => !skip.has(d)).map((date) => ({ date, session: start, capacity }));
}

type WeeklyWrite = (tx: Executor, office: Office, now: Date) => ReturnType<ScheduleWrite>;

/**
 * A change to the weekly template (admins only, the actor's office): it reaches the weekday's dates from
 * today through the last bookable one, audited under the first of them.
 */
async function runWeeklyChange(actor: Actor, action: string, ref: WeeklySessionRef, options: CommandOptions, write: WeeklyWrite): Promise<ScheduleChangeResult> {
  const { now } = withDefaults(options);
  const office = await requireScheduleOffice(actor, {});
  assertCan(actor, "schedule.manage", office.id);
  const dates = upcomingDates(office, ref.weekday, now);
  const date = dates[0] ?? localDate(now, office.timezone);
  return runScheduleChange(actor, office, { action, date, session: ref.startsAt, onConflict: ref.onConflict, now, dates }, (tx) => write(tx, office, now));
}

/** Adds a weekly session; sessions of a weekday never overlap (a break, e.g. Friday prayer, is a gap). */
export async function addWeeklySession(actor: Actor, input: AddWeeklySessionInput, options: CommandOptions = {}): Promise<ScheduleChangeResult> {
  const { weekday, startsAt, endsAt, capacity } = input;
  return runWeeklyChange(actor, "schedule.weekly_add", { weekday, startsAt }, options, async (tx, office) => {
    const sameDay = await tx.select().from(weeklySessions).where(and(eq(weeklySessions.officeId, office.id), eq(weeklySessions.weekday, weekday))).for("update");
    if (sameDay.some((s) => normalizeTime(s.startsAt) < endsAt && startsAt < normalizeTime(s.endsAt))) {
      throw new AppError("validation", "error.validation", { fields: { startsAt: ["schedule.field.overlap"] } });
    }
    const after = { weekday, startsAt, endsAt, capacity };
    await tx.insert(weeklySessions).values({ officeId: office.id, ...after });
    return { before: null, after, targets: [] };
  });
}

/** Changes a weekly session's capacity; upcoming dates booked past it need `onConflict`. */
export async function updateWeeklySession(actor: Actor, input: UpdateWeeklySessionInput, options: CommandOptions = {}): Promise<ScheduleChangeResult> {
  const { weekday, startsAt, capacity } = input;
  return runWeeklyChange(actor, "schedule.weekly_update", input, options, async (tx, office, now) => {
    const row = await requireWeekly(tx, office.id, weekday, startsAt);
    await tx.update(weeklySessions).set({ capacity }).where(eq(weeklySessions.id, row.id));
    return { before: { weekday, startsAt, capacity: row.capacity }, after: { weekday, startsAt, capacity }, targets: await templateTargets(tx, office, weekday, startsAt, capacity, now) };
  });
}

/** Removes a weekly session; upcoming bookings in it need `onConflict`. */
export async function removeWeeklySession(actor: Actor, input: WeeklySessionRef, options: CommandOptions = {}): Promise<ScheduleChangeResult> {
  const { weekday, startsAt } = input;
  return runWeeklyChange(actor, "schedule.weekly_remove", input, options, async (tx, office, now) => {
    const row = await requireWeekly(tx, office.id, weekday, startsAt);
    await tx.delete(weeklySessions).where(eq(weeklySessions.id, row.id));
    const before = { weekday, startsAt, endsAt: normalizeTime(row.endsAt), capacity: row.capacity };
    return { before, after: null, targets: await templateTargets(tx, office, weekday, startsAt, 0, now) };
  });
}

/**
 * Imports the year's cuti bersama (or any list of closures) all or nothing: every line is checked first
 * (ImportLinesError names each bad one), then every date is closed in one transaction, with the same
 * safety rule for bookings on them.
 */
export async function importClosures(actor: Actor, input: { lines: string; onConflict?: OnConflict }, options: CommandOptions = {}): Promise<ScheduleChangeResult & { imported: number }> {
  const { now } = withDefaults(options);
  const office = await requireScheduleOffice(actor, {});
  assertCan(actor, "schedule.manage", office.id);
  const { closures, problems } = parseClosureList(input.lines, localDate(now, office.timezone));
  if (problems.length > 0) throw new ImportLinesError(problems);
  const dates = closures.map((c) => c.date);
  const reasons = new Map(closures.map((c) => [c.date, { id: c.reason, en: c.reasonEn }]));
  const reason = (date: string) => reasons.get(date)!;
  const result = await runScheduleChange(actor, office, { action: "schedule.import_closures", date: dates[0]!, reason, onConflict: input.onConflict, now, dates }, async (tx) => {
    const before = await tx.select().from(dateOverrides).where(and(eq(dateOverrides.officeId, office.id), inArray(dateOverrides.date, dates)));
    for (const c of closures) {
      // The year's cuti bersama: holidays ("Libur: …").
      const values = { kind: "closed" as const, reason: c.reason, reasonEn: c.reasonEn, dailyCap: null, isHoliday: true };
      await tx
        .insert(dateOverrides)
        .values({ officeId: office.id, date: c.date, ...values })
        .onConflictDoUpdate({ target: [dateOverrides.officeId, dateOverrides.date], set: values });
    }
    return {
      before: before.map((b) => ({ date: b.date, kind: b.kind, reason: b.reason, dailyCap: b.dailyCap })),
      after: closures.map((c) => ({ date: c.date, reason: c.reason, reasonEn: c.reasonEn })),
      targets: dates.map((date) => ({ date, capacity: 0 })),
    };
  });
  return { ...result, imported: closures.length };
}
