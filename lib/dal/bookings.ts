import "server-only";
import { and, eq } from "drizzle-orm";
import { bookings, type Booking } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Channel } from "../capacity";
import { encryptNik, hashNik, hashPhone } from "../crypto";
import { getDatabaseHandle, getDb } from "../db";
import { AppError, notFound, pgErrorCode } from "../errors";
import { maskNik } from "../nik";
import { createReference } from "../reference";
import type { CreateBookingInput, LookupBookingInput } from "../validation/booking";
import { selectBookingWith, toBookingDTO, type BookingDTO } from "./booking-dto";
import { CREATE_BOOKING_SQL, fullKey, isCounterFull, limitOf, NEW_BOOKING_DEFAULTS } from "./booking-insert";
import { dedupeKey } from "./citizen-entries";
import { requirePersonOrSuggest, claimChanges, phoneChange, provesNik, requireSlot } from "./booking-rules";
import { withDefaults, type CommandOptions } from "./command-options";
import { requireOffice } from "./offices";
import { requirePublicOffice } from "./places";
import { allowanceParams, allowanceRefusal, countRefusedAttempt, refuseKnownBlocked, type Allowances } from "./rate-limit";
import { invalidateReads, isKnownFull, isStillFull, markFull } from "./read-cache";
import { requireService } from "./services";

export { cancelBooking, rescheduleBooking, type Ownership } from "./booking-changes";
export { recoverBooking } from "./booking-recovery";

/** The person's keyed hashes (lib/limits/booking.ts, where the allowances key on them). */
export type { PersonKeys } from "../limits/booking";
import type { PersonKeys } from "../limits/booking";

/**
 * `allowances` names the caller's rate limits for this attempt (lib/limits/booking.ts); the booking
 * statement counts them itself (migration 0027), so a booking is one round trip. `beforeWrite` runs once
 * every check answered from memory has passed, just before that statement: the caller's proof of work.
 * So a refusal that costs no round trip costs no allowance either. Both are handed the person's hashes.
 */
export type CreateBookingOptions = CommandOptions & {
  allowances?: (person: PersonKeys) => Promise<Allowances>;
  beforeWrite?: (person: PersonKeys) => Promise<void>;
};

/**
 * Books a visit. Every rule is checked here, for the citizen's form, the JSON API and staff alike:
 * the service's age rule, the date and session for the channel, and — in one transaction, in the
 * database — every cap, the phone allowance and "one visit a day".
 */
export async function createBooking(
  actor: Actor,
  input: CreateBookingInput & { consent?: boolean; channel?: Channel; priorityReason?: "disability" | "pregnant"; ageException?: boolean },
  options: CreateBookingOptions = {},
): Promise<BookingDTO> {
  const { now, locale } = withDefaults(options);
  const channel: Channel = actor.type === "staff" ? (input.channel === "walk_in" ? "walk_in" : "assisted") : "online";
  const db = await getDb();
  // Citizens see public places only: a hidden place (the training office) answers as an unknown one.
  const office = actor.type === "citizen" ? await requirePublicOffice(input.office, db) : await requireOffice(input.office, db);
  // Citizens book online; anyone else books on a citizen's behalf and needs the permission for this office.
  if (actor.type !== "citizen") assertCan(actor, "booking.assist", office.id);
  const service = await requireService(office, input.service, db);
  // Only staff, who have seen the person's document, may waive the minimum age (see AssistBookingInput).
  const ageException = actor.type === "staff" && input.ageException === true;
  const person = await requirePersonOrSuggest(db, input.nik, service, office, input.date, now, locale, { ignoreMinAge: ageException });
  const slot = await requireSlot(db, office, service, input.date, input.session, channel, now);

  const claims = claimChanges(office, service, input.date, slot.start, slot.limits);
  // A cap found full a moment ago is refused without touching the database (never more than the cache's ttl)
  // and before the person's keys are hashed: in the rush nearly every request ends here.
  for (const claim of claims) if (claim.delta === 1 && (await isStillFull(fullKey(claim), () => isCounterFull(claim)))) throw claim.whenFull;

  const nikHash = hashNik(person.nik);
  const phoneHash = hashPhone(input.phone);
  const visitKey = dedupeKey(office, nikHash, service.id);
  const isElderly = office.isPriorityEnabled && person.age >= 60;
  const allowances = await options.allowances?.({ nikHash, phoneHash });
  if (allowances) refuseKnownBlocked(allowances, { now });
  await options.beforeWrite?.({ nikHash, phoneHash });
  // In the rush the allowances (the shared bucket reads the day's places) and the proof's spend may wait for
  // a pooled connection while the session fills: the requests queued behind them look at the memory again
  // rather than each trying the booking and failing.
  for (const claim of claims) if (claim.delta === 1 && isKnownFull(fullKey(claim))) throw claim.whenFull;

  const handle = await getDatabaseHandle();
  for (let attempt = 0; ; attempt++) {
    const reference = createReference();
    try {
      const [created] = await handle.run(CREATE_BOOKING_SQL, [
        office.id, service.id, input.date, slot.start, slot.end,
        limitOf(claims, "day"), limitOf(claims, "session"), limitOf(claims, "service"), phoneHash, office.phoneDailyLimit,
        service.queueLetter, reference, channel,
        nikHash, encryptNik(person.nik), maskNik(person.nik), input.name, input.phone, input.email ?? null,
        person.age, person.sex, visitKey, isElderly || Boolean(input.priorityReason), input.priorityReason ?? (isElderly ? "elderly" : null),
        input.consent ? now.toISOString() : null, actor.type === "staff" ? actor.staffId : null,
        actor.type, actor.type === "device" ? actor.deviceId : null,
        JSON.stringify({ channel, service: service.slug, date: input.date, session: slot.start, ...(ageException ? { ageException: true } : {}) }),
        "ip" in actor ? (actor.ip ?? null) : null,
        locale,
        now.toISOString(),
        ...allowanceParams(allowances, { now }),
      ]);
      invalidateReads("usage");
      const row: Booking = {
        ...NEW_BOOKING_DEFAULTS,
        id: String(created!.booking_id),
        reference,
        officeId: office.id,
        serviceId: service.id,
        serviceDate: input.date,
        sessionStartsAt: slot.start,
        sessionEndsAt: slot.end,
        queueLetter: service.queueLetter,
        queueSeq: Number(created!.booking_queue_seq),
        channel,
        nikHash,
        nikMasked: maskNik(person.nik),
        fullName: input.name,
        phoneHash,
        ageYears: person.age,
        sex: person.sex,
        dedupeKey: visitKey,
        priorityReason: input.priorityReason ?? (isElderly ? "elderly" : null),
        consentAt: input.consent ? now : null,
        createdByStaffId: actor.type === "staff" ? actor.staffId : null,
        phone: input.phone,
        email: input.email ?? null,
        isPriority: isElderly || Boolean(input.priorityReason),
        language: locale,
        // Written in one statement: created and last updated at the same instant.
        createdAt: new Date(Number(created!.booking_created_ms)),
        updatedAt: new Date(Number(created!.booking_created_ms)),
      };
      return toBookingDTO(row, service, office, locale);
    } catch (error) {
      const { code, constraint, detail } = pgErrorCode(error);
      const limited = code === "AN002" && allowances && detail ? allowanceRefusal({ allowances, key: detail }, { now }) : null;
      if (limited) throw limited;
      // Refused by the statement, which rolled its counts back: the attempt still uses the allowances.
      const refused = code === "AN001" || (code === "23505" && constraint === "bookings_active_person_day_uq");
      if (refused && allowances) await countRefusedAttempt(allowances, { now });
      if (code === "AN001") {
        const phone = phoneChange(office, input.date, phoneHash);
        if (detail === "phone" && phone.delta === 1) throw phone.whenFull;
        const claim = claims.find((c) => c.scope === detail);
        if (claim?.delta === 1) {
          markFull(fullKey(claim));
          throw claim.whenFull;
        }
      }
      if (code === "23505" && constraint === "bookings_active_person_day_uq") throw new AppError("duplicate", "error.duplicate");
      if (code === "23505" && constraint === "bookings_reference_uq" && attempt < 3) continue;
      throw error;
    }
  }
}

/** The booking a reference names, for the confirmation page (whoever holds the reference may see it). */
export async function findBookingByReference({ reference }: { reference: string }, options: CommandOptions = {}): Promise<BookingDTO | null> {
  const db = await getDb();
  const found = await selectBookingWith(db, eq(bookings.reference, reference));
  return found ? toBookingDTO(found.booking, found.service, found.office, withDefaults(options).locale) : null;
}

/** Reference + NIK → the booking. An unknown reference and a wrong NIK get the same 404. */
export async function lookupBooking(_actor: Actor, input: LookupBookingInput, options: CommandOptions = {}): Promise<BookingDTO> {
  const { locale } = withDefaults(options);
  const db = await getDb();
  const found = await selectBookingWith(db, and(eq(bookings.reference, input.reference), provesNik(input))!);
  if (!found) throw notFound();
  return toBookingDTO(found.booking, found.service, found.office, locale);
}
