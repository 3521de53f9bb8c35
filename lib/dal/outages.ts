import "server-only";
import { and, desc, eq, gt, gte, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alias } from "drizzle-orm/pg-core";
import { bookings, outages, priorityRebookings, services, weeklySessions, type Office } from "@/db/schema";
import { SYSTEM, type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { addDays, localDate, localTime } from "../dates";
import { getDb } from "../db";
import { AppError, pgErrorCode } from "../errors";
import { OUTAGE_REASON_TEXT, type OutageReasonCode } from "../outage";
import { isPresetReason, type DeclareOutageInput } from "../validation/outage";
import { writeAudit } from "./audit";
import { loadDayPlan } from "./calendar";
import { requireOffice, requireOfficeById } from "./offices";
import { cancelWithPriorityRebooking, type CancelledForRebooking } from "./priority-rebooking";
import { loadActiveOutages } from "./outage-reads";
import { invalidateReads } from "./read-cache";
import { withDefaults, type CommandOptions } from "./command-options";

export type OutageDTO = {
  id: string;
  date: string;
  session: string | null;
  service: { slug: string; name: string } | null;
  reasonCode: OutageReasonCode;
  reason: string;
  startsAt: Date;
  liftedAt: Date | null;
};

function resolveReason(input: DeclareOutageInput): { code: OutageReasonCode; id: string; en: string | null } {
  if (isPresetReason(input.reason)) return { code: input.reason, ...OUTAGE_REASON_TEXT[input.reason] };
  return { code: "other", id: input.reason, en: input.reasonEn ?? null };
}

async function officeFor(actor: Actor, slug: string | undefined): Promise<Office> {
  if (slug) return requireOffice(slug);
  if ("officeId" in actor) return requireOfficeById(actor.officeId);
  return requireOffice();
}

/**
 * The outage switch: from `now` on, no new booking for the date (and session, and service, when named);
 * every booking it covers that has not started yet is cancelled with a priority rebooking and a notice,
 * in the same transaction as the outage row and its audit row. Returns the citizens to contact.
 */
export async function declareOutage(
  actor: Actor,
  input: DeclareOutageInput,
  options: CommandOptions = {},
): Promise<{ outage: { id: string; office: string; date: string; session: string | null; service: string | null; reason: string; reasonEn: string | null; startsAt: Date }; affected: CancelledForRebooking[] }> {
  const { now } = withDefaults(options);
  assertCan(actor, "outage.manage");
  const office = await officeFor(actor, input.office);
  assertCan(actor, "outage.manage", office.id);
  const db = await getDb();
  const today = localDate(now, office.timezone);
  if (input.date < today || input.date > addDays(today, 366)) {
    throw new AppError("validation", "error.validation", { fields: { date: ["field.outage.date"] } });
  }
  let serviceId: string | null = null;
  if (input.service) {
    const [service] = await db.select({ id: services.id }).from(services).where(and(eq(services.officeId, office.id), eq(services.slug, input.service)));
    if (!service) throw new AppError("validation", "error.validation", { fields: { service: ["field.outage.service"] } });
    serviceId = service.id;
  }
  if (input.session) {
    const plan = await loadDayPlan(db, office, input.date);
    if (!plan.open || !plan.sessions.some((s) => s.start === input.session)) {
      throw new AppError("validation", "error.validation", { fields: { session: ["field.outage.session"] } });
    }
  }
  const reason = resolveReason(input);
  const session = input.session ?? null;

  const result = await db.transaction(async (tx) => {
    const sameScope = and(
      eq(outages.officeId, office.id),
      eq(outages.date, input.date),
      isNull(outages.liftedAt),
      session ? eq(outages.sessionStartsAt, session) : isNull(outages.sessionStartsAt),
      serviceId ? eq(outages.serviceId, serviceId) : isNull(outages.serviceId),
    );
    if ((await tx.select({ id: outages.id }).from(outages).where(sameScope)).length > 0) throw new AppError("duplicate", "error.outageExists");
    const [row] = await tx
      .insert(outages)
      .values({
        officeId: office.id,
        date: input.date,
        sessionStartsAt: session,
        serviceId,
        reasonCode: reason.code,
        reason: reason.id,
        reasonEn: reason.en,
        startsAt: now,
        createdByStaffId: actor.type === "staff" ? actor.staffId : null,
        createdAt: now,
      })
      .returning();
    const covered = await findCovered(tx, office, { date: input.date, session, serviceId }, now);
    const affected = await cancelWithPriorityRebooking(tx, {
      officeId: office.id,
      bookingIds: covered.map((b) => b.id),
      source: "outage",
      sourceId: row!.id,
      reason: { id: reason.id, en: reason.en },
      actor: actor,
      now,
      details: { outageId: row!.id },
    });
    await writeAudit(tx, {
      officeId: office.id,
      actor: actor,
      action: "outage.declare",
      details: { outageId: row!.id, date: input.date, session, service: input.service ?? null, reasonCode: reason.code, reason: reason.id, cancelled: affected.length },
    });
    return { row: row!, affected };
  }).catch((error: unknown) => {
    // The same scope declared at the same moment elsewhere: the unique index (migration 0026) says so.
    const { code, constraint } = pgErrorCode(error);
    if (code === "23505" && constraint === "outages_active_scope_uq") throw new AppError("duplicate", "error.outageExists");
    throw error;
  });
  // New bookings stop at once in this process; other instances within the read cache's second.
  invalidateReads("settings", "usage", "full");
  const { row, affected } = result;
  return {
    outage: { id: row.id, office: office.slug, date: row.date, session, service: input.service ?? null, reason: row.reason, reasonEn: row.reasonEn, startsAt: row.startsAt },
    affected,
  };
}

/**
 * The bookings an outage covers: still `booked`, on its date (session, service), and — "from now on" —
 * in a session that has not ended yet; with `createdFrom`, only those made since.
 */
async function findCovered(
  tx: Executor,
  office: Office,
  scope: { date: string; session: string | null; serviceId: string | null },
  now: Date,
  createdFrom?: Date,
): Promise<{ id: string }[]> {
  const today = localDate(now, office.timezone);
  return tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.officeId, office.id),
        eq(bookings.serviceDate, scope.date),
        eq(bookings.status, "booked"),
        scope.session ? eq(bookings.sessionStartsAt, scope.session) : undefined,
        scope.serviceId ? eq(bookings.serviceId, scope.serviceId) : undefined,
        scope.date === today ? gt(bookings.sessionEndsAt, localTime(now, office.timezone)) : undefined,
        createdFrom ? gte(bookings.createdAt, createdFrom) : undefined,
      ),
    );
}

/**
 * The minute sweep's part: a booking that passed the availability check just before the switch (or on
 * another instance, within its read cache's second) may still have landed; it is cancelled with the same
 * priority rebooking and notice, so an outage holds within a minute whatever the timing.
 */
export async function sweepOutageStragglers(opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const db = await getDb();
  const active = await db
    .select()
    .from(outages)
    .where(and(isNull(outages.liftedAt), gte(outages.date, addDays(now.toISOString().slice(0, 10), -1))));
  let total = 0;
  for (const o of active) {
    const office = await requireOfficeById(o.officeId, db);
    const scope = { date: o.date, session: o.sessionStartsAt?.slice(0, 5) ?? null, serviceId: o.serviceId };
    const stragglers = await findCovered(db, office, scope, now, o.startsAt);
    if (stragglers.length === 0) continue;
    const cancelled = await db.transaction((tx) =>
      cancelWithPriorityRebooking(tx, {
        officeId: office.id,
        bookingIds: stragglers.map((b) => b.id),
        source: "outage",
        sourceId: o.id,
        reason: { id: o.reason, en: o.reasonEn },
        actor: SYSTEM,
        now,
        details: { outageId: o.id, sweep: true },
      }),
    );
    total += cancelled.length;
  }
  return total;
}

/** Bookings open again for what the outage covered; the cancelled bookings keep their priority rebooking. */
export async function liftOutage(actor: Actor, input: { id: string }, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  const { id } = input;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(outages).where(eq(outages.id, id)).for("update");
    // Another office's outage is "not found" for a member of this one, after the permission check.
    assertCan(actor, "outage.manage");
    if (!row || ("officeId" in actor && actor.officeId !== row.officeId)) throw new AppError("not_found", "error.notFound");
    if (row.liftedAt) throw new AppError("invalid_transition", "error.invalidTransition");
    await tx.update(outages).set({ liftedAt: now }).where(eq(outages.id, id));
    await writeAudit(tx, { officeId: row.officeId, actor: actor, action: "outage.lift", details: { outageId: id, date: row.date } });
  });
  invalidateReads("settings", "usage", "full");
}

export type OutageContact = {
  reference: string;
  fullName: string | null;
  phone: string | null;
  serviceDate: string;
  sessionStart: string;
  rebookedReference: string | null;
};

/** The staff page: active outages and those of the last 3 days, each with the citizens to contact (no NIK). */
export async function listOutages(actor: Actor, options: CommandOptions = {}): Promise<(OutageDTO & { contacts: OutageContact[] })[]> {
  assertCan(actor, "outage.manage");
  if (!("officeId" in actor)) return [];
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const rows = await db
    .select({ outage: outages, serviceSlug: services.slug, serviceName: services.name, serviceNameEn: services.nameEn })
    .from(outages)
    .leftJoin(services, eq(services.id, outages.serviceId))
    .where(and(eq(outages.officeId, actor.officeId), sql`(${outages.liftedAt} is null or ${outages.liftedAt} > ${new Date(now.getTime() - 3 * 86_400_000).toISOString()}::timestamptz)`))
    .orderBy(desc(outages.createdAt))
    .limit(50);
  const rebooked = alias(bookings, "rebooked");
  const out = [];
  for (const r of rows) {
    const contacts = await db
      .select({
        reference: bookings.reference,
        fullName: bookings.fullName,
        phone: bookings.phone,
        serviceDate: bookings.serviceDate,
        sessionStart: bookings.sessionStartsAt,
        rebookedReference: rebooked.reference,
      })
      .from(priorityRebookings)
      .innerJoin(bookings, eq(bookings.id, priorityRebookings.bookingId))
      .leftJoin(rebooked, eq(rebooked.id, priorityRebookings.newBookingId))
      .where(eq(priorityRebookings.sourceId, r.outage.id))
      .orderBy(bookings.sessionStartsAt, bookings.reference);
    out.push({
      id: r.outage.id,
      date: r.outage.date,
      session: r.outage.sessionStartsAt?.slice(0, 5) ?? null,
      service: r.serviceSlug ? { slug: r.serviceSlug, name: locale === "en" && r.serviceNameEn ? r.serviceNameEn : r.serviceName! } : null,
      reasonCode: r.outage.reasonCode as OutageReasonCode,
      reason: locale === "en" && r.outage.reasonEn ? r.outage.reasonEn : r.outage.reason,
      startsAt: r.outage.startsAt,
      liftedAt: r.outage.liftedAt,
      contacts: contacts.map((c) => ({ ...c, sessionStart: c.sessionStart.slice(0, 5) })),
    });
  }
  return out;
}

/** For the citizen pages: what is suspended from today on (no personal data), in the reader's language. */
export async function listPublicOutages({ officeSlug }: { officeSlug?: string }, options: CommandOptions = {}) {
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const office = await requireOffice(officeSlug, db);
  const today = localDate(now, office.timezone);
  const active = await loadActiveOutages(db, office.id, today, addDays(today, office.bookingDaysAhead + 1));
  const serviceRows = active.some((o) => o.serviceId) ? await db.select().from(services).where(eq(services.officeId, office.id)) : [];
  return active
    .sort((a, b) => a.date.localeCompare(b.date) || (a.session ?? "").localeCompare(b.session ?? ""))
    .map((o) => {
      const service = serviceRows.find((s) => s.id === o.serviceId);
      return {
        date: o.date,
        session: o.session,
        service: service ? (locale === "en" && service.nameEn ? service.nameEn : service.name) : null,
        reason: locale === "en" && o.reason.en ? o.reason.en : o.reason.id,
      };
    });
}

/** What the staff form offers: today in office time, the office's session starts, its active services. */
export async function getOutageFormOptions(actor: Actor, options: CommandOptions = {}) {
  const { now, locale } = withDefaults(options);
  assertCan(actor, "outage.manage");
  if (!("officeId" in actor)) throw new AppError("forbidden", "error.forbidden");
  const db = await getDb();
  const office = await requireOfficeById(actor.officeId, db);
  const [starts, serviceRows] = await Promise.all([
    db.selectDistinct({ start: weeklySessions.startsAt }).from(weeklySessions).where(eq(weeklySessions.officeId, office.id)).orderBy(weeklySessions.startsAt),
    db.select().from(services).where(and(eq(services.officeId, office.id), eq(services.isActive, true))).orderBy(services.position),
  ]);
  return {
    today: localDate(now, office.timezone),
    officeName: office.name,
    sessions: starts.map((s) => s.start.slice(0, 5)),
    services: serviceRows.map((s) => ({ slug: s.slug, name: locale === "en" && s.nameEn ? s.nameEn : s.name })),
  };
}
