import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ACTIVE_BOOKING_STATUSES, bookings, type Booking, type Office, type Service } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { evaluateDay, type DayUsage } from "../availability";
import { channelLimit, type Channel } from "../capacity";
import { decryptNik, encryptNik, hashNik, hashPhone } from "../crypto";
import { localDate } from "../dates";
import { getDb } from "../db";
import { AppError, pgErrorCode } from "../errors";
import type { Locale } from "../i18n/messages";
import { ageOn, maskNik, parseNik } from "../nik";
import { verifyManageToken } from "../manage-token";
import { createReference } from "../reference";
import type { CreateBookingInput, LookupBookingInput, RescheduleBookingInput } from "../validation/booking";
import { writeAudit } from "./audit";
import { selectBookingWith, toBookingDTO, type BookingDTO } from "./booking-dto";
import { applyUsageChanges, takeQueueNumber, type UsageChange } from "./capacity-usage";
import { loadDayPlan } from "./calendar";
import { requireOffice, requireOfficeById } from "./offices";
import { requireService } from "./services";

export type BookingContext = { actor: Actor; locale: Locale; now?: Date };

/** Proof that the caller may change a booking: its NIK, or a manage token issued after the NIK was checked. */
export type Ownership = { nik: string } | { manageToken: string };

const full = () => new AppError("full", "error.full");
const UNCAPPED = 2_147_483_647;
const NO_USAGE: DayUsage = { day: 0, sessions: new Map(), services: new Map() };

/**
 * Books a visit. Every rule is checked here, for the citizen's form, the JSON API and staff alike:
 * the service's age rule, the date and session for the channel, and — in one transaction, in the
 * database — every cap, the phone allowance and "one visit a day".
 */
export async function createBooking(
  input: CreateBookingInput & { consent?: boolean; channel?: Channel; priorityReason?: "disability" | "pregnant" },
  ctx: BookingContext,
): Promise<BookingDTO> {
  const now = ctx.now ?? new Date();
  const channel: Channel = ctx.actor.type === "staff" ? (input.channel === "walk_in" ? "walk_in" : "assisted") : "online";
  const db = await getDb();
  const office = await requireOffice(input.office, db);
  if (ctx.actor.type === "staff" && ctx.actor.officeId !== office.id) throw new AppError("forbidden", "error.forbidden");
  const service = await requireService(office, input.service, db);
  const person = checkPerson(input.nik, service, office, input.date, now);
  const slot = await resolveSlot(db, office, service, input.date, input.session, channel, now);

  const nikHash = hashNik(person.nik);
  const phoneHash = hashPhone(input.phone);
  const dedupeKey = office.allowSeveralServicesPerDay ? `${nikHash}:${service.id}` : nikHash;
  const isElderly = office.isPriorityEnabled && person.age >= 60;

  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.transaction(async (tx) => {
        await assertNoActiveBooking(tx, input.date, dedupeKey);
        await applyUsageChanges(tx, [
          ...claimChanges(office, service, input.date, slot.start, slot.limits),
          phoneChange(office, input.date, phoneHash),
        ]);
        const queueSeq = await takeQueueNumber(tx, office.id, input.date, service.queueLetter);
        const [inserted] = await tx
          .insert(bookings)
          .values({
            reference: createReference(),
            officeId: office.id,
            serviceId: service.id,
            serviceDate: input.date,
            sessionStartsAt: slot.start,
            sessionEndsAt: slot.end,
            queueLetter: service.queueLetter,
            queueSeq,
            channel,
            nikHash,
            nikEncrypted: encryptNik(person.nik),
            nikMasked: maskNik(person.nik),
            fullName: input.name,
            phone: input.phone,
            phoneHash,
            email: input.email ?? null,
            ageYears: person.age,
            sex: person.sex,
            dedupeKey,
            isPriority: isElderly || Boolean(input.priorityReason),
            priorityReason: input.priorityReason ?? (isElderly ? "elderly" : null),
            consentAt: input.consent ? now : null,
            createdByStaffId: ctx.actor.type === "staff" ? ctx.actor.staffId : null,
          })
          .returning();
        await writeAudit(tx, {
          officeId: office.id,
          actor: ctx.actor,
          action: "booking.create",
          bookingId: inserted!.id,
          details: { channel, service: service.slug, date: input.date, session: slot.start },
        });
        return inserted!;
      });
      return toBookingDTO(row, service, office, ctx.locale);
    } catch (error) {
      const { code, constraint } = pgErrorCode(error);
      if (code === "23505" && constraint === "bookings_active_person_day_uq") throw new AppError("duplicate", "error.duplicate");
      if (code === "23505" && constraint === "bookings_reference_uq" && attempt < 3) continue;
      throw error;
    }
  }
}

/** The booking a reference names, for the confirmation page (whoever holds the reference may see it). */
export async function findBookingByReference(reference: string, locale: Locale): Promise<BookingDTO | null> {
  const db = await getDb();
  const found = await selectBookingWith(db, eq(bookings.reference, reference));
  return found ? toBookingDTO(found.booking, found.service, found.office, locale) : null;
}

/** Reference + NIK → the booking. An unknown reference and a wrong NIK get the same 404. */
export async function lookupBooking(input: LookupBookingInput, ctx: BookingContext): Promise<BookingDTO> {
  const db = await getDb();
  const found = await selectBookingWith(db, and(eq(bookings.reference, input.reference), eq(bookings.nikHash, hashNik(input.nik)))!);
  if (!found) throw notFound();
  return toBookingDTO(found.booking, found.service, found.office, ctx.locale);
}

/** Cancels a booking that has not been checked in; its places go back to the pool in the same transaction. */
export async function cancelBooking(input: { reference: string } & Ownership, ctx: BookingContext): Promise<BookingDTO> {
  const now = ctx.now ?? new Date();
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const { booking, office } = await lockOwnedBooking(tx, input, now);
    if (booking.status !== "booked") throw new AppError("invalid_transition", "error.invalidTransition");
    if (booking.serviceDate < localDate(now, office.timezone)) throw new AppError("invalid_transition", "error.invalidTransition");
    await applyUsageChanges(tx, releaseChanges(office, booking));
    const [updated] = await tx
      .update(bookings)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(eq(bookings.id, booking.id))
      .returning();
    await writeAudit(tx, { officeId: office.id, actor: ctx.actor, action: "booking.cancel", bookingId: booking.id });
    return updated!;
  });
  return findDTO(db, row.id, ctx.locale);
}

/**
 * Moves a booking to another date or session in one transaction: the new places are claimed and the old
 * ones released together, so the citizen never holds two bookings, nor none when the new slot is full.
 */
export async function rescheduleBooking(
  input: Omit<RescheduleBookingInput, "nik"> & { reference: string } & Ownership,
  ctx: BookingContext,
): Promise<BookingDTO> {
  const now = ctx.now ?? new Date();
  const db = await getDb();
  const current = await selectBookingWith(db, ownedBy(input, now));
  if (!current) throw notFound();
  const { office, service } = current;
  const channel: Channel = "online";
  // The age rule is checked again for the new date, from the stored NIK.
  if (current.booking.nikEncrypted) checkPerson(decryptNik(current.booking.nikEncrypted), service, office, input.date, now);
  const slot = await resolveSlot(db, office, service, input.date, input.session, channel, now);

  try {
    const row = await db.transaction(async (tx) => {
      const { booking } = await lockOwnedBooking(tx, input, now);
      if (booking.status !== "booked") throw new AppError("invalid_transition", "error.invalidTransition");
      // A missed visit is a no-show, not something to move afterwards (cancelling refuses it too).
      if (booking.serviceDate < localDate(now, office.timezone)) throw new AppError("invalid_transition", "error.invalidTransition");
      const sameDate = booking.serviceDate === input.date;
      if (sameDate && booking.sessionStartsAt.slice(0, 5) === slot.start) return booking;

      const claims = claimChanges(office, service, input.date, slot.start, slot.limits);
      if (booking.phoneHash) claims.push(phoneChange(office, input.date, booking.phoneHash));
      const releases = releaseChanges(office, booking);
      // On the same date only the session moves; the day, service and phone places stay where they are.
      const changes = sameDate
        ? [...claims.filter((c) => c.scope === "session"), ...releases.filter((c) => c.scope === "session")]
        : [...claims, ...releases];
      await applyUsageChanges(tx, changes);
      const queueSeq = sameDate ? booking.queueSeq : await takeQueueNumber(tx, office.id, input.date, booking.queueLetter);
      const [updated] = await tx
        .update(bookings)
        .set({ serviceDate: input.date, sessionStartsAt: slot.start, sessionEndsAt: slot.end, queueSeq, updatedAt: now })
        .where(eq(bookings.id, booking.id))
        .returning();
      await writeAudit(tx, {
        officeId: office.id,
        actor: ctx.actor,
        action: "booking.reschedule",
        bookingId: booking.id,
        details: { from: { date: booking.serviceDate, session: booking.sessionStartsAt.slice(0, 5) }, to: { date: input.date, session: slot.start } },
      });
      return updated!;
    });
    return toBookingDTO(row, service, office, ctx.locale);
  } catch (error) {
    const { code, constraint } = pgErrorCode(error);
    if (code === "23505" && constraint === "bookings_active_person_day_uq") throw new AppError("duplicate", "error.duplicate");
    throw error;
  }
}

function notFound() {
  return new AppError("not_found", "error.notFound");
}

async function findDTO(db: Executor, id: string, locale: Locale): Promise<BookingDTO> {
  const found = await selectBookingWith(db, eq(bookings.id, id));
  return toBookingDTO(found!.booking, found!.service, found!.office, locale);
}

/** The condition "this reference, and the caller proved the NIK"; never true for a bad proof. */
function ownedBy(input: { reference: string } & Ownership, now: Date): SQL {
  const byReference = eq(bookings.reference, input.reference);
  if ("nik" in input) return and(byReference, eq(bookings.nikHash, hashNik(input.nik)))!;
  return verifyManageToken(input.manageToken, input.reference, now) ? byReference : sql`false`;
}

/** Locks the booking row (reference + proof of NIK) for the rest of the transaction. */
async function lockOwnedBooking(tx: Executor, input: { reference: string } & Ownership, now: Date): Promise<{ booking: Booking; office: Office }> {
  const [booking] = await tx.select().from(bookings).where(ownedBy(input, now)).for("update");
  if (!booking) throw notFound();
  return { booking, office: await requireOfficeById(booking.officeId, tx) };
}

/** The NIK's person: parsed with the office's today, and old/young enough for the service on the visit date. */
function checkPerson(nik: string, service: Service, office: Office, date: string, now: Date) {
  const parsed = parseNik(nik, localDate(now, office.timezone));
  if (!parsed.ok) throw new AppError("validation", "error.validation", { fields: { nik: ["field.nik.format"] } });
  const age = ageOn(parsed.value.birthDate, date);
  if (service.minAge !== null && age < service.minAge) {
    throw new AppError("validation", "error.validation", { fields: { nik: ["field.nik.tooYoung"] }, params: { minAge: service.minAge } });
  }
  if (service.maxAge !== null && age > service.maxAge) {
    throw new AppError("validation", "error.validation", { fields: { nik: ["field.nik.tooOld"] }, params: { limit: service.maxAge + 1 } });
  }
  return { nik: parsed.value.nik, age, sex: parsed.value.sex };
}

/** The day's cap and the session, if this channel may book that session now; otherwise "closed" (409). */
async function resolveSlot(db: Executor, office: Office, service: Service, date: string, start: string, channel: Channel, now: Date) {
  const plan = await loadDayPlan(db, office, date);
  const bookable = evaluateDay(plan, NO_USAGE, { office, serviceId: service.id, serviceCap: service.dailyCap, channel, now });
  const planned = plan.open && bookable.sessions.some((s) => s.start === start) ? plan.sessions.find((s) => s.start === start) : undefined;
  if (!plan.open || !planned) throw new AppError("closed", "error.closed");
  return {
    start: planned.start,
    end: planned.end,
    limits: {
      day: channelLimit(plan.dayCap, office.walkInReservePercent, channel),
      session: channelLimit(planned.capacity, office.walkInReservePercent, channel),
    },
  };
}

async function assertNoActiveBooking(tx: Executor, date: string, dedupeKey: string): Promise<void> {
  const [existing] = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.serviceDate, date), eq(bookings.dedupeKey, dedupeKey), inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES])));
  if (existing) throw new AppError("duplicate", "error.duplicate");
}

/** Service usage is counted even without a cap, so a cap added later starts from the true count. */
function claimChanges(office: Office, service: Service, date: string, sessionStart: string, limits: { day: number; session: number }): UsageChange[] {
  const base = { officeId: office.id, serviceDate: date, delta: 1, whenFull: full() } as const;
  return [
    { ...base, scope: "day", scopeKey: "", limit: limits.day },
    { ...base, scope: "session", scopeKey: sessionStart, limit: limits.session },
    { ...base, scope: "service", scopeKey: service.id, limit: service.dailyCap ?? UNCAPPED },
  ];
}

function phoneChange(office: Office, date: string, phoneHash: string): UsageChange {
  return {
    officeId: office.id,
    serviceDate: date,
    scope: "phone",
    scopeKey: phoneHash,
    delta: 1,
    limit: office.phoneDailyLimit,
    whenFull: new AppError("phone_limit", "error.phoneLimit", { params: { limit: office.phoneDailyLimit } }),
  };
}

/** The places a held booking occupies, to give back when it is cancelled, moved or expires. */
export function releaseChanges(office: Office, booking: Booking): UsageChange[] {
  const base = { officeId: office.id, serviceDate: booking.serviceDate, delta: -1 } as const;
  const changes: UsageChange[] = [
    { ...base, scope: "day", scopeKey: "" },
    { ...base, scope: "session", scopeKey: booking.sessionStartsAt.slice(0, 5) },
    { ...base, scope: "service", scopeKey: booking.serviceId },
  ];
  if (booking.phoneHash) changes.push({ ...base, scope: "phone", scopeKey: booking.phoneHash });
  return changes;
}
