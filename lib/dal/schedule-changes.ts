import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dateOverrides, sessionCapacityOverrides, type Office } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { localDate } from "../dates";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { CloseScheduleInput, OnConflict, OpenDayInput, ReopenScheduleInput, SetCapacityInput } from "../validation/schedule";
import { writeAudit } from "./audit";
import { withDefaults, type CommandOptions } from "./command-options";
import { loadDayPlan } from "./calendar";
import { findOffice, requireOfficeById } from "./offices";
import type { PublicReason } from "./priority-rebooking";
import { invalidateReads } from "./read-cache";
import { settleBookings, syncCeilings, type AffectedBooking, type CapTarget } from "./schedule-safety";

export type ScheduleChangeResult = {
  office: string;
  date: string;
  session: string | null;
  /** Bookings cancelled (and notified) by the change, or kept over the cap by choice. */
  cancelled: AffectedBooking[];
  kept: AffectedBooking[];
};

/** A change's own write: the audit row's before and after, and the caps the safety rule checks bookings against. */
export type ScheduleWrite = (tx: Executor, office: Office) => Promise<{ before: unknown; after: unknown; targets: CapTarget[] }>;

/** The office a change is for: the slug given (an integration may name its own office; unknown: 404), else the actor's. */
export async function requireScheduleOffice(actor: Actor, input: { office?: string }): Promise<Office> {
  if (input.office) {
    const office = await findOffice(input.office);
    if (!office) throw new AppError("not_found", "schedule.error.officeUnknown");
    return office;
  }
  if ("officeId" in actor) return requireOfficeById(actor.officeId);
  throw new AppError("validation", "error.validation", { fields: { office: ["field.required"] } });
}

export function assertNotPast(office: Office, date: string, now: Date): void {
  if (date < localDate(now, office.timezone)) throw new AppError("validation", "error.validation", { fields: { date: ["schedule.field.past"] } });
}

/**
 * One schedule change in one transaction: the write, the safety rule for bookings over the new caps
 * (`settleBookings`, which may refuse and roll everything back), the counters' ceilings, and the audit
 * row with before and after. This process's cached plans and availability are dropped after commit.
 */
export async function runScheduleChange(
  actor: Actor,
  office: Office,
  change: { action: string; date: string; session?: string; reason?: PublicReason | ((date: string) => PublicReason); onConflict?: OnConflict; now: Date; dates?: string[] },
  write: ScheduleWrite,
): Promise<ScheduleChangeResult> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const { before, after, targets } = await write(tx, office);
    const settled = await settleBookings(tx, office, actor, targets, change.onConflict, { action: change.action, reason: change.reason, now: change.now });
    await syncCeilings(tx, office, change.dates ?? [change.date]);
    await writeAudit(tx, {
      officeId: office.id,
      actor,
      action: change.action,
      details: {
        date: change.date,
        ...(change.session ? { session: change.session } : {}),
        before,
        after,
        ...(settled.booked ? { booked: settled.booked, onConflict: change.onConflict } : {}),
        ...(settled.cancelled.length ? { cancelled: settled.cancelled.map((b) => b.reference) } : {}),
        ...(settled.kept.length ? { kept: settled.kept.map((b) => b.reference) } : {}),
      },
    });
    return settled;
  });
  invalidateReads("settings", "usage", "full");
  return { office: office.slug, date: change.date, session: change.session ?? null, cancelled: result.cancelled, kept: result.kept };
}

/** Closing or reopening a session of today is the supervisor's; everything else on the schedule is the admin's. */
function assertMayChange(actor: Actor, office: Office, date: string, session: string | undefined, now: Date): void {
  if (session && date === localDate(now, office.timezone) && !can(actor, "schedule.manage")) assertCan(actor, "schedule.close_session", office.id);
  else assertCan(actor, "schedule.manage", office.id);
}

async function dateOverrideOf(tx: Executor, officeId: string, date: string) {
  const [row] = await tx.select().from(dateOverrides).where(and(eq(dateOverrides.officeId, officeId), eq(dateOverrides.date, date)));
  return row ?? null;
}

async function sessionOverrideOf(tx: Executor, officeId: string, date: string, session: string) {
  const [row] = await tx
    .select()
    .from(sessionCapacityOverrides)
    .where(and(eq(sessionCapacityOverrides.officeId, officeId), eq(sessionCapacityOverrides.date, date), eq(sessionCapacityOverrides.startsAt, session)));
  return row ?? null;
}

function strip<T extends { officeId?: string; id?: string }>(row: T | null): Omit<T, "officeId" | "id"> | null {
  if (!row) return null;
  const { officeId: _o, id: _i, ...rest } = row;
  return rest;
}

async function requireSession(tx: Executor, office: Office, date: string, session: string) {
  const plan = await loadDayPlan(tx, office, date);
  if (!plan.open) throw new AppError("closed", "schedule.error.dayClosed");
  const found = plan.sessions.find((s) => s.start === session);
  if (!found) throw new AppError("not_found", "schedule.error.noSession");
  return found;
}

/**
 * What every dated change starts with: the office, the permission (`who`: "supervisor" lets a supervisor
 * close or reopen a session of today; everything else is the admin's) and no date in the past.
 */
async function startDatedChange(actor: Actor, input: { office?: string; date: string; session?: string }, options: CommandOptions, who: "supervisor" | "admin") {
  const { now } = withDefaults(options);
  const office = await requireScheduleOffice(actor, input);
  if (who === "supervisor") assertMayChange(actor, office, input.date, input.session, now);
  else assertCan(actor, "schedule.manage", office.id);
  assertNotPast(office, input.date, now);
  return { now, office };
}

/** A date's own row (closed, or open with its cap), replacing the one there was. */
async function putDateOverride(tx: Executor, officeId: string, date: string, values: { kind: "closed" | "open"; reason: string; reasonEn: string | null; dailyCap: number | null; isHoliday: boolean }) {
  await tx
    .insert(dateOverrides)
    .values({ officeId, date, ...values })
    .onConflictDoUpdate({ target: [dateOverrides.officeId, dateOverrides.date], set: values });
}

/** A session's own row on a date (a closure: capacity 0 with a reason; an own capacity: no reason). */
async function putSessionOverride(tx: Executor, officeId: string, date: string, session: string, values: { capacity: number; reason?: string; reasonEn?: string | null }) {
  await tx
    .insert(sessionCapacityOverrides)
    .values({ officeId, date, startsAt: session, ...values })
    .onConflictDoUpdate({ target: [sessionCapacityOverrides.officeId, sessionCapacityOverrides.date, sessionCapacityOverrides.startsAt], set: values });
}

/** Removes a date's row of that kind; returns it (none: nothing to undo). */
function deleteDateOverride(tx: Executor, officeId: string, date: string, kind: "closed" | "open") {
  return tx
    .delete(dateOverrides)
    .where(and(eq(dateOverrides.officeId, officeId), eq(dateOverrides.date, date), eq(dateOverrides.kind, kind)))
    .returning();
}

/** Removes a session's closure (the row with a reason) or its own capacity (without); returns it. */
function deleteSessionOverride(tx: Executor, officeId: string, date: string, session: string, kind: "closed" | "capacity") {
  const reason = kind === "closed" ? isNotNull(sessionCapacityOverrides.reason) : isNull(sessionCapacityOverrides.reason);
  return tx
    .delete(sessionCapacityOverrides)
    .where(and(eq(sessionCapacityOverrides.officeId, officeId), eq(sessionCapacityOverrides.date, date), eq(sessionCapacityOverrides.startsAt, session), reason))
    .returning();
}

/** Closes a date or one session with a public reason; bookings there need `onConflict`. */
export async function closeSchedule(actor: Actor, input: CloseScheduleInput, options: CommandOptions = {}): Promise<ScheduleChangeResult> {
  const { now, office } = await startDatedChange(actor, input, options, "supervisor");
  const { date, session, reason } = input;
  const reasonEn = input.reasonEn ?? null;
  return runScheduleChange(actor, office, { action: "schedule.close", date, session, reason: { id: reason, en: reasonEn }, onConflict: input.onConflict, now }, async (tx) => {
    if (session) {
      const planned = await requireSession(tx, office, date, session);
      if (planned.closed) throw new AppError("closed", "schedule.error.alreadyClosed");
      const before = await sessionOverrideOf(tx, office.id, date, session);
      const values = { capacity: 0, reason, reasonEn };
      await putSessionOverride(tx, office.id, date, session, values);
      return { before: strip(before), after: values, targets: [{ date, session, capacity: 0 }] };
    }
    const before = await dateOverrideOf(tx, office.id, date);
    if (before?.kind === "closed") throw new AppError("closed", "schedule.error.alreadyClosed");
    // An ad-hoc closure, not a holiday: citizens read "Tutup: {reason}".
    const values = { kind: "closed" as const, reason, reasonEn, dailyCap: null, isHoliday: false };
    await putDateOverride(tx, office.id, date, values);
    return { before: strip(before), after: values, targets: [{ date, capacity: 0 }] };
  });
}

/** Undoes a closure of a date or a session (404 when it is not closed). */
export async function reopenSchedule(actor: Actor, input: ReopenScheduleInput, options: CommandOptions = {}): Promise<ScheduleChangeResult> {
  const { now, office } = await startDatedChange(actor, input, options, "supervisor");
  const { date, session } = input;
  return runScheduleChange(actor, office, { action: "schedule.reopen", date, session, now }, async (tx) => {
    const removed = session ? await deleteSessionOverride(tx, office.id, date, session, "closed") : await deleteDateOverride(tx, office.id, date, "closed");
    if (removed.length === 0) throw new AppError("not_found", "schedule.error.notClosed");
    return { before: strip(removed[0]!), after: null, targets: [] };
  });
}

/** A date's or a session's own capacity; below what is booked needs `onConflict`. */
export async function setScheduleCapacity(actor: Actor, input: SetCapacityInput, options: CommandOptions = {}): Promise<ScheduleChangeResult> {
  const { now, office } = await startDatedChange(actor, input, options, "admin");
  const { date, session, capacity } = input;
  return runScheduleChange(actor, office, { action: "schedule.capacity", date, session, onConflict: input.onConflict, now }, async (tx) => {
    if (session) {
      const planned = await requireSession(tx, office, date, session);
      if (planned.closed) throw new AppError("closed", "schedule.error.sessionClosed");
      const before = await sessionOverrideOf(tx, office.id, date, session);
      await putSessionOverride(tx, office.id, date, session, { capacity });
      return { before: strip(before) ?? { capacity: planned.capacity }, after: { capacity }, targets: [{ date, session, capacity }] };
    }
    const plan = await loadDayPlan(tx, office, date);
    if (!plan.open) throw new AppError("closed", "schedule.error.dayClosed");
    const before = await dateOverrideOf(tx, office.id, date);
    // A plain cap change keeps a special day's name; on an ordinary day it adds no public note.
    const values = { kind: "open" as const, reason: before?.reason ?? "", reasonEn: before?.reasonEn ?? null, dailyCap: capacity, isHoliday: false };
    await putDateOverride(tx, office.id, date, values);
    return { before: strip(before) ?? { dailyCap: plan.dayCap }, after: values, targets: [{ date, capacity }] };
  });
}

/** Back to the template's capacity for a date or a session (404 when there is no own capacity). */
export async function resetScheduleCapacity(actor: Actor, input: ReopenScheduleInput & { onConflict?: OnConflict }, options: CommandOptions = {}): Promise<ScheduleChangeResult> {
  const { now, office } = await startDatedChange(actor, input, options, "admin");
  const { date, session } = input;
  return runScheduleChange(actor, office, { action: "schedule.capacity_reset", date, session, onConflict: input.onConflict, now }, async (tx) => {
    if (session) {
      const removed = await deleteSessionOverride(tx, office.id, date, session, "capacity");
      if (removed.length === 0) throw new AppError("not_found", "schedule.error.noOverride");
      const planned = await requireSession(tx, office, date, session);
      return { before: strip(removed[0]!), after: { capacity: planned.capacity }, targets: [{ date, session, capacity: planned.capacity }] };
    }
    const removed = await deleteDateOverride(tx, office.id, date, "open");
    if (removed.length === 0) throw new AppError("not_found", "schedule.error.noOverride");
    const plan = await loadDayPlan(tx, office, date);
    return { before: strip(removed[0]!), after: plan.open ? { dailyCap: plan.dayCap } : null, targets: [{ date, capacity: plan.open ? plan.dayCap : 0 }] };
  });
}

/** A special opening day (e.g. Layanan Sabtu) with its own daily cap, using that weekday's sessions. */
export async function openScheduleDay(actor: Actor, input: OpenDayInput, options: CommandOptions = {}): Promise<ScheduleChangeResult> {
  const { now, office } = await startDatedChange(actor, input, options, "admin");
  const { date, dailyCap, reason } = input;
  return runScheduleChange(actor, office, { action: "schedule.open_day", date, onConflict: input.onConflict, now }, async (tx) => {
    const before = await dateOverrideOf(tx, office.id, date);
    const values = { kind: "open" as const, reason, reasonEn: input.reasonEn ?? null, dailyCap, isHoliday: false };
    await putDateOverride(tx, office.id, date, values);
    const plan = await loadDayPlan(tx, office, date);
    if (!plan.open) throw new AppError("validation", "error.validation", { fields: { date: ["schedule.field.noSessions"] } });
    return { before: strip(before), after: values, targets: [{ date, capacity: dailyCap }] };
  });
}
