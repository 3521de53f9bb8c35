import "server-only";
import { and, eq, inArray, isNull, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bookings, capacityUsages, offices, priorityRebookings, services, type Booking, type Office, type Service } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { hasSessionStarted } from "../booking-window";
import { decryptNik, hashNik } from "../crypto";
import { addDays, localDate, localTime } from "../dates";
import { getDb } from "../db";
import { AppError, notFound } from "../errors";
import type { Translator } from "../i18n/translate";
import { verifyManageToken } from "../manage-token";
import { applyOutages, findOutageFor, priorityAllowance } from "../outage";
import { verifyPriorityToken } from "../priority-token";
import { sessionLabel } from "../schedule";
import { writeAudit } from "./audit";
import { localizeDay, type DayAvailability } from "./availability";
import { toBookingDTO, type BookingDTO } from "./booking-dto";
import { requirePerson, claimChanges, phoneChange } from "./booking-rules";
import { withFreshReference } from "./citizen-entries";
import { withDefaults, type CommandOptions } from "./command-options";
import { loadDayPlans, loadUsage } from "./calendar";
import { applyUsageChanges, takeQueueNumber } from "./capacity-usage";
import { loadActiveOutages } from "./outage-reads";

/** Who may use a cancelled booking's priority rebooking: the link's token, the manage cookie, or the NIK. */
export type RebookProof = { priorityToken: string } | { manageToken: string } | { nik: string };

export type PriorityRebookView = {
  reference: string;
  office: { slug: string; name: string };
  service: { slug: string; name: string };
  date: string;
  session: { start: string; label: string };
  reason: string;
  /** Office time, `YYYY-MM-DD HH:MM`. */
  until: string;
  state: "open" | "used" | "expired";
  newReference: string | null;
  days: DayAvailability[];
};

function proves(proof: RebookProof, booking: Booking, now: Date): boolean {
  if ("priorityToken" in proof) return verifyPriorityToken(proof.priorityToken, booking.reference, new Date(0));
  if ("manageToken" in proof) return verifyManageToken(proof.manageToken, booking.reference, now);
  return booking.nikHash !== null && booking.nikHash === hashNik(proof.nik);
}

/** The booking with its service and office. The whole row, NIK columns included: the NIK proof, the age rule and the new booking need them. */
async function selectBooking(db: Executor, reference: string) {
  const [found] = await db
    .select({ booking: bookings, service: services, office: offices })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(offices, eq(offices.id, bookings.officeId))
    .where(eq(bookings.reference, reference));
  return found;
}

async function findProven(db: Executor, reference: string, proof: RebookProof, now: Date) {
  const found = await selectBooking(db, reference);
  if (!found || !proves(proof, found.booking, now)) throw notFound();
  const [right] = await db.select().from(priorityRebookings).where(eq(priorityRebookings.bookingId, found.booking.id));
  if (!right) throw notFound();
  return { ...found, right };
}

/** The page's view: why, until when, and the sessions the citizen may move to now (with their priority). */
export async function getPriorityRebooking(input: { reference: string } & RebookProof, options: CommandOptions & { t: Translator }): Promise<PriorityRebookView> {
  const { now } = withDefaults(options);
  const db = await getDb();
  const { booking, service, office, right } = await findProven(db, input.reference, input, now);
  const state = right.usedAt ? "used" : right.expiresAt <= now ? "expired" : "open";
  let newReference: string | null = null;
  if (right.newBookingId) {
    const [nb] = await db.select({ reference: bookings.reference }).from(bookings).where(eq(bookings.id, right.newBookingId));
    newReference = nb?.reference ?? null;
  }
  const t = options.t;
  return {
    reference: booking.reference,
    office: { slug: office.slug, name: office.name },
    service: { slug: service.slug, name: t.locale === "en" && service.nameEn ? service.nameEn : service.name },
    date: booking.serviceDate,
    session: { start: booking.sessionStartsAt.slice(0, 5), label: sessionLabel(booking.sessionStartsAt.slice(0, 5), booking.sessionEndsAt.slice(0, 5)) },
    reason: t.locale === "en" && right.reasonEn ? right.reasonEn : right.reason,
    until: `${localDate(right.expiresAt, office.timezone)} ${localTime(right.expiresAt, office.timezone)}`,
    state,
    newReference,
    days: state === "open" ? await priorityDays(db, office, service, now, t) : [],
  };
}

/**
 * What a priority rebooking can take, per date from today to the end of the booking range: every session
 * that has not started, not suspended, limited by the day's and the session's full capacity (the walk-in
 * reserve included), the service's cap and the day's priority allowance — not by the online quota.
 */
async function priorityDays(db: Executor, office: Office, service: Service, now: Date, t: Translator): Promise<DayAvailability[]> {
  const from = localDate(now, office.timezone);
  const to = addDays(from, office.bookingDaysAhead);
  const outages = await loadActiveOutages(db, office.id, from, to);
  const plans = (await loadDayPlans(db, office, from, to)).map((p) => applyOutages(p, outages, service.id));
  const openDates = plans.filter((p) => p.open).map((p) => p.date);
  const usage = await loadUsage(db, office.id, openDates);
  const priorityUsed = await loadPriorityUsage(db, office.id, openDates);
  return plans.map((plan) => {
    if (!plan.open) return localizeDay({ date: plan.date, open: false, reasonCode: plan.closedReason, sessions: [], note: plan.note }, t);
    const u = usage.get(plan.date)!;
    const left = priorityAllowance(plan.dayCap, office.priorityRebookPercent) - (priorityUsed.get(plan.date) ?? 0);
    const sessions = plan.sessions
      .filter((s) => !hasSessionStarted(plan.date, s.start, now, office.timezone))
      .map((s) => {
        const limits = [plan.dayCap - u.day, s.capacity - (u.sessions.get(s.start) ?? 0), left];
        if (service.dailyCap !== null) limits.push(service.dailyCap - (u.services.get(service.id) ?? 0));
        return { id: s.start, label: sessionLabel(s.start, s.end), start: s.start, end: s.end, capacity: s.capacity, remaining: Math.max(0, Math.min(...limits)) };
      });
    if (sessions.length === 0) return localizeDay({ date: plan.date, open: false, reasonCode: "booking_closed", sessions: [], note: null }, t);
    const full = sessions.every((s) => s.remaining === 0);
    return localizeDay({ date: plan.date, open: true, ...(full ? { reasonCode: "full" as const } : {}), sessions, note: plan.note, ...(plan.outage ? { outage: plan.outage } : {}) }, t);
  });
}

async function loadPriorityUsage(db: Executor, officeId: string, dates: string[]): Promise<Map<string, number>> {
  if (dates.length === 0) return new Map();
  const rows = await db
    .select({ date: capacityUsages.serviceDate, used: capacityUsages.used })
    .from(capacityUsages)
    .where(and(eq(capacityUsages.officeId, officeId), inArray(capacityUsages.serviceDate, dates), eq(capacityUsages.scope, "priority")));
  return new Map(rows.map((r) => [r.date, r.used]));
}

/**
 * Uses the priority rebooking: a new booking for the chosen later session, the right marked used, one
 * transaction. The right's row is claimed first (`used_at is null and expires_at > now`), so the same
 * token twice at once makes one booking; the day's `priority` counter row caps the priority share, so two
 * citizens racing for its last place get exactly one. No checklist: the cancelled booking's person,
 * contact and language carry over; the age rule is checked again for the new date.
 */
export async function rebookWithPriority(
  actor: Actor,
  input: { reference: string; date: string; session: string } & RebookProof,
  options: CommandOptions = {},
): Promise<BookingDTO> {
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const { booking: old, service, office, right: seen } = await findProven(db, input.reference, input, now);
  // Used or expired says so before anything about the chosen session (the transaction checks again).
  if (seen.usedAt || seen.expiresAt <= now) throw new AppError("invalid_transition", seen.usedAt ? "rebook.used" : "rebook.expired");
  if (old.nikEncrypted) requirePerson(decryptNik(old.nikEncrypted), service, office, input.date, now);
  const today = localDate(now, office.timezone);
  const [plan] = await loadDayPlans(db, office, input.date, input.date);
  const outages = await loadActiveOutages(db, office.id, input.date, input.date);
  if (findOutageFor(outages, input.date, input.session, service.id)) throw new AppError("closed", "error.outage");
  const planned = plan?.open ? plan.sessions.find((s) => s.start === input.session) : undefined;
  if (!plan?.open || !planned || input.date < today || input.date > addDays(today, office.bookingDaysAhead) || hasSessionStarted(input.date, planned.start, now, office.timezone)) {
    throw new AppError("closed", "error.closed");
  }
  const claims = claimChanges(office, service, input.date, planned.start, { day: plan.dayCap, session: planned.capacity });
  if (old.phoneHash) claims.push(phoneChange(office, input.date, old.phoneHash));
  const allowance = priorityAllowance(plan.dayCap, office.priorityRebookPercent);
  claims.push({ officeId: office.id, serviceDate: input.date, scope: "priority", scopeKey: "", delta: 1, limit: allowance, whenFull: new AppError("full", "error.full") });

  const row = await withFreshReference({ reference: "bookings_reference_uq", personDay: "bookings_active_person_day_uq" }, "error.duplicate", (reference) =>
    db.transaction(async (tx) => {
      const [right] = await tx
        .update(priorityRebookings)
        .set({ usedAt: now })
        .where(and(eq(priorityRebookings.bookingId, old.id), isNull(priorityRebookings.usedAt), gt(priorityRebookings.expiresAt, now)))
        .returning();
      if (!right) {
        const [current] = await tx.select().from(priorityRebookings).where(eq(priorityRebookings.bookingId, old.id));
        throw new AppError("invalid_transition", current?.usedAt ? "rebook.used" : "rebook.expired");
      }
      await applyUsageChanges(tx, claims);
      const queueSeq = await takeQueueNumber(tx, office.id, input.date, old.queueLetter);
      const [created] = await tx
        .insert(bookings)
        .values({
          reference,
          officeId: office.id,
          serviceId: service.id,
          serviceDate: input.date,
          sessionStartsAt: planned.start,
          sessionEndsAt: planned.end,
          queueLetter: old.queueLetter,
          queueSeq,
          channel: old.channel,
          nikHash: old.nikHash,
          nikEncrypted: old.nikEncrypted,
          nikMasked: old.nikMasked,
          fullName: old.fullName,
          phone: old.phone,
          phoneHash: old.phoneHash,
          email: old.email,
          ageYears: old.ageYears,
          sex: old.sex,
          dedupeKey: old.dedupeKey,
          isPriority: old.isPriority,
          priorityReason: old.priorityReason,
          consentAt: old.consentAt,
          language: old.language,
          remindersOptedOutAt: old.remindersOptedOutAt,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await tx.update(priorityRebookings).set({ newBookingId: created!.id }).where(eq(priorityRebookings.bookingId, old.id));
      await writeAudit(tx, {
        officeId: office.id,
        actor,
        action: "booking.priority_rebook",
        bookingId: created!.id,
        details: { from: old.reference, date: input.date, session: planned.start, proof: Object.keys(input).find((k) => k !== "reference" && k !== "date" && k !== "session") },
      });
      return created!;
    }),
  );
  return toBookingDTO(row, service, office, locale);
}

/** For the cancelled booking's own page: an open priority rebooking and until when (office time), or null. */
export async function findPriorityOffer({ reference }: { reference: string }, options: CommandOptions = {}): Promise<{ until: string } | null> {
  const { now } = withDefaults(options);
  const db = await getDb();
  const [found] = await db
    .select({ booking: { id: bookings.id }, office: { timezone: offices.timezone } })
    .from(bookings)
    .innerJoin(offices, eq(offices.id, bookings.officeId))
    .where(eq(bookings.reference, reference));
  if (!found) return null;
  const [right] = await db
    .select()
    .from(priorityRebookings)
    .where(and(eq(priorityRebookings.bookingId, found.booking.id), isNull(priorityRebookings.usedAt), gt(priorityRebookings.expiresAt, now)));
  if (!right) return null;
  return { until: `${localDate(right.expiresAt, found.office.timezone)} ${localTime(right.expiresAt, found.office.timezone)}` };
}
