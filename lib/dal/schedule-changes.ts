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

type Ctx = { now?: Date };
type Write = (tx: Executor, office: Office) => Promise<{ before: unknown; after: unknown; targets: CapTarget[] }>;

/** The office a change is for: the slug given (an integration may name its own office), else the actor's. */
export async function resolveScheduleOffice(actor: Actor, slug: string | undefined): Promise<Office> {
  if (slug) {
    const office = await findOffice(slug);
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
  write: Write,
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

/** Closes a date or one session with a public reason; bookings there need `onConflict`. */
export async function closeSchedule(actor: Actor, input: CloseScheduleInput, ctx: Ctx = {}): Promise<ScheduleChangeResult> {
  const now = ctx.now ?? new Date();
  const office = await resolveScheduleOffice(actor, input.office);
  assertMayChange(actor, office, input.date, input.session, now);
  assertNotPast(office, input.date, now);
  const { date, session, reason } = input;
  const reasonEn = input.reasonEn ?? null;
  return runScheduleChange(actor, office, { action: "schedule.close", date, session, reason: { id: reason, en: reasonEn }, onConflict: input.onConflict, now }, async (tx) => {
    if (session) {
      const planned = await requireSession(tx, office, date, session);
      if (planned.closed) throw new AppError("closed", "schedule.error.alreadyClosed");
      const before = await sessionOverrideOf(tx, office.id, date, session);
      const values = { capacity: 0, reason, reasonEn };
      await tx
        .insert(sessionCapacityOverrides)
        .values({ officeId: office.id, date, startsAt: session, ...values })
        .onConflictDoUpdate({ target: [sessionCapacityOverrides.officeId, sessionCapacityOverrides.date, sessionCapacityOverrides.startsAt], set: values });
      return { before: strip(before), after: values, targets: [{ date, session, capacity: 0 }] };
    }
    const before = await dateOverrideOf(tx, office.id, date);
    if (before?.kind === "closed") throw new AppError("closed", "schedule.error.alreadyClosed");
    // An ad-hoc closure, not a holiday: citizens read "Tutup: {reason}".
    const values = { kind: "closed" as const, reason, reasonEn, dailyCap: null, isHoliday: false };
    await tx
      .insert(dateOverrides)
      .values({ officeId: office.id, date, ...values })
      .onConflictDoUpdate({ target: [dateOverrides.officeId, dateOverrides.date], set: values });
    return { before: strip(before), after: values, targets: [{ date, capacity: 0 }] };
  });
}

/** Undoes a closure of a date or a session (404 when it is not closed). */
export async function reopenSchedule(actor: Actor, input: ReopenScheduleInput, ctx: Ctx = {}): Promise<ScheduleChangeResult> {
  const now = ctx.now ?? new Date();
  const office = await resolveScheduleOffice(actor, input.office);
  assertMayChange(actor, office, input.date, input.session, now);
  assertNotPast(office, input.date, now);
  const { date, session } = input;
  return runScheduleChange(actor, office, { action: "schedule.reopen", date, session, now }, async (tx) => {
    const removed = session
      ? await tx
          .delete(sessionCapacityOverrides)
          .where(
            and(
              eq(sessionCapacityOverrides.officeId, office.id),
              eq(sessionCapacityOverrides.date, date),
              eq(sessionCapacityOverrides.startsAt, session),
              isNotNull(sessionCapacityOverrides.reason),
            ),
          )
          .returning()
      : await tx
          .delete(dateOverrides)
          .where(and(eq(dateOverrides.officeId, office.id), eq(dateOverrides.date, date), eq(dateOverrides.kind, "closed")))
          .returning();
    if (removed.length === 0) throw new AppError("not_found", "schedule.error.notClosed");
    return { before: strip(removed[0]!), after: null, targets: [] };
  });
}

/** A date's or a session's own capacity; below what is booked needs `onConflict`. */
export async function setScheduleCapacity(actor: Actor, input: SetCapacityInput, ctx: Ctx = {}): Promise<ScheduleChangeResult> {
  const now = ctx.now ?? new Date();
  const office = await resolveScheduleOffice(actor, input.office);
  assertCan(actor, "schedule.manage", office.id);
  assertNotPast(office, input.date, now);
  const { date, session, capacity } = input;
  return runScheduleChange(actor, office, { action: "schedule.capacity", date, session, onConflict: input.onConflict, now }, async (tx) => {
    if (session) {
      const planned = await requireSession(tx, office, date, session);
      if (planned.closed) throw new AppError("closed", "schedule.error.sessionClosed");
      const before = await sessionOverrideOf(tx, office.id, date, session);
      await tx
        .insert(sessionCapacityOverrides)
        .values({ officeId: office.id, date, startsAt: session, capacity })
        .onConflictDoUpdate({ target: [sessionCapacityOverrides.officeId, sessionCapacityOverrides.date, sessionCapacityOverrides.startsAt], set: { capacity } });
      return { before: strip(before) ?? { capacity: planned.capacity }, after: { capacity }, targets: [{ date, session, capacity }] };
    }
    const plan = await loadDayPlan(tx, office, date);
    if (!plan.open) throw new AppError("closed", "schedule.error.dayClosed");
    const before = await dateOverrideOf(tx, office.id, date);
    // A plain cap change keeps a special day's name; on an ordinary day it adds no public note.
    const values = { kind: "open" as const, reason: before?.reason ?? "", reasonEn: before?.reasonEn ?? null, dailyCap: capacity, isHoliday: false };
    await tx
      .insert(dateOverrides)
      .values({ officeId: office.id, date, ...values })
      .onConflictDoUpdate({ target: [dateOverrides.officeId, dateOverrides.date], set: values });
    return { before: strip(before) ?? { dailyCap: plan.dayCap }, after: values, targets: [{ date, capacity }] };
  });
}

/** Back to the template's capacity for a date or a session (404 when there is no own capacity). */
export async function resetScheduleCapacity(actor: Actor, input: ReopenScheduleInput & { onConflict?: OnConflict }, ctx: Ctx = {}): Promise<ScheduleChangeResult> {
  const now = ctx.now ?? new Date();
  const office = await resolveScheduleOffice(actor, input.office);
  assertCan(actor, "schedule.manage", office.id);
  assertNotPast(office, input.date, now);
  const { date, session } = input;
  return runScheduleChange(actor, office, { action: "schedule.capacity_reset", date, session, onConflict: input.onConflict, now }, async (tx) => {
    if (session) {
      const removed = await tx
        .delete(sessionCapacityOverrides)
        .where(
          and(
            eq(sessionCapacityOverrides.officeId, office.id),
            eq(sessionCapacityOverrides.date, date),
            eq(sessionCapacityOverrides.startsAt, session),
            isNull(sessionCapacityOverrides.reason),
          ),
        )
        .returning();
      if (removed.length === 0) throw new AppError("not_found", "schedule.error.noOverride");
      const planned = await requireSession(tx, office, date, session);
      return { before: strip(removed[0]!), after: { capacity: planned.capacity }, targets: [{ date, session, capacity: planned.capacity }] };
    }
    const removed = await tx
      .delete(dateOverrides)
      .where(and(eq(dateOverrides.officeId, office.id), eq(dateOverrides.date, date), eq(dateOverrides.kind, "open")))
      .returning();
    if (removed.length === 0) throw new AppError("not_found", "schedule.error.noOverride");
    const plan = await loadDayPlan(tx, office, date);
    return { before: strip(removed[0]!), after: plan.open ? { dailyCap: plan.dayCap } : null, targets: [{ date, capacity: plan.open ? plan.dayCap : 0 }] };
  });
}

/** A special opening day (e.g. Layanan Sabtu) with its own daily cap, using that weekday's sessions. */
export async function openScheduleDay(actor: Actor, input: OpenDayInput, ctx: Ctx = {}): Promise<ScheduleChangeResult> {
  const now = ctx.now ?? new Date();
  const office = await resolveScheduleOffice(actor, input.office);
  assertCan(actor, "schedule.manage", office.id);
  assertNotPast(office, input.date, now);
  const { date, dailyCap, reason } = input;
  return runScheduleChange(actor, office, { action: "schedule.open_day", date, onConflict: input.onConflict, now }, async (tx) => {
    const before = await dateOverrideOf(tx, office.id, date);
    const values = { kind: "open" as const, reason, reasonEn: input.reasonEn ?? null, dailyCap, isHoliday: false };
    await tx
      .insert(dateOverrides)
      .values({ officeId: office.id, date, ...values })
      .onConflictDoUpdate({ target: [dateOverrides.officeId, dateOverrides.date], set: values });
    const plan = await loadDayPlan(tx, office, date);
    if (!plan.open) throw new AppError("validation", "error.validation", { fields: { date: ["schedule.field.noSessions"] } });
    return { before: strip(before), after: values, targets: [{ date, capacity: dailyCap }] };
  });
}
