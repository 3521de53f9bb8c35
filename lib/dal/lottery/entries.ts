import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { lotteryDraws, lotteryEntries, type LotteryEntry, type Office, type Service } from "@/db/schema";
import { hashNik, hashPhone } from "../../crypto";
import { normalizeTime } from "../../dates";
import { getDb } from "../../db";
import { AppError, notFound } from "../../errors";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import type { Locale } from "../../i18n/messages";
import { lotteryDrawAt } from "../../lottery/window";
import type { CreateBookingInput, LookupBookingInput } from "../../validation/booking";
import { writeAudit } from "../audit";
import { assertNotBookedThatDay, bookingLink, entrySummary, selectEntry, storedNik, withFreshReference } from "../citizen-entries";
import { requirePersonOrSuggest, requireSlot } from "../booking-rules";
import type { CreateBookingOptions } from "../bookings";
import { withDefaults, type CommandOptions } from "../command-options";
import { requireOffice } from "../offices";
import { requirePublicOffice } from "../places";
import { consumeRateLimits } from "../rate-limit";
import { requireService } from "../services";
import { lockLotteryDay } from "./lock";

/** A lottery entry as its owner (and whoever holds the reference) sees it: never the NIK or the name. */
export type LotteryEntryDTO = {
  reference: string;
  referenceDisplay: string;
  status: "waiting" | "drawn" | "not_drawn";
  date: string;
  session: string;
  drawAt: string;
  service: { slug: string; name: string };
  office: { slug: string; name: string; timezone: string };
  /** Once drawn: the booking the draw made. */
  booking: { reference: string; referenceDisplay: string } | null;
};

/**
 * The place an entry is for, as `createBooking` finds it: a citizen sees public places only (a hidden
 * place answers as an unknown one); anyone else enters on a citizen's behalf with the permission for it.
 */
export async function requireEntryOffice(actor: Actor, input: { office?: string }): Promise<Office> {
  if (actor.type === "citizen") return requirePublicOffice(input.office);
  const office = await requireOffice(input.office);
  assertCan(actor, "booking.assist", office.id);
  return office;
}

/**
 * A citizen's booking during the date's lottery window (lib/lottery/window.ts) becomes an entry: the same
 * checks as a booking (place, service, the person's NIK and age, the date and session open online, one
 * visit a day, the phone's allowance), then one entry per NIK and date (409 `duplicate` for a second one).
 * Capacity is not claimed here: the draw claims it for the winners through the booking counters.
 */
export async function createLotteryEntry(actor: Actor, input: CreateBookingInput & { consent?: boolean }, options: CreateBookingOptions = {}): Promise<LotteryEntryDTO> {
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const office = await requireEntryOffice(actor, input);
  const drawAt = lotteryDrawAt(input.date, now, office);
  if (!drawAt) throw new AppError("closed", "error.closed");
  const service = await requireService(office, input.service, db);
  const person = await requirePersonOrSuggest(db, input.nik, service, office, input.date, now, locale);
  const slot = await requireSlot(db, office, service, input.date, input.session, "online", now);
  const nikHash = hashNik(person.nik);
  await assertNotBookedThatDay(db, office, service, input.date, nikHash);
  const keys = { nikHash, phoneHash: hashPhone(input.phone) };
  // An entry is not the booking statement: its allowances are counted by a statement of their own.
  if (options.allowances) await consumeRateLimits(await options.allowances(keys), { now });
  await options.beforeWrite?.(keys);

  return withFreshReference({ reference: "lottery_entries_reference_uq", personDay: "lottery_entries_person_day_uq" }, "lottery.error.duplicate", async (reference) => {
    await db.transaction(async (tx) => {
      await lockLotteryDay(tx, office.id, input.date, "shared");
      const [drawn] = await tx.select({ id: lotteryDraws.id }).from(lotteryDraws).where(and(eq(lotteryDraws.officeId, office.id), eq(lotteryDraws.serviceDate, input.date)));
      if (drawn) throw new AppError("closed", "lottery.error.drawn");
      // The phone's allowance, counted over entries: the draw claims the real counter for each winner.
      const [phoneUse] = await tx
        .select({ n: count() })
        .from(lotteryEntries)
        .where(and(eq(lotteryEntries.officeId, office.id), eq(lotteryEntries.serviceDate, input.date), eq(lotteryEntries.phone, input.phone)));
      if ((phoneUse?.n ?? 0) >= office.phoneDailyLimit) throw new AppError("phone_limit", "error.phoneLimit", { params: { limit: office.phoneDailyLimit } });
      const [entry] = await tx
        .insert(lotteryEntries)
        .values({
          reference,
          officeId: office.id,
          serviceId: service.id,
          serviceDate: input.date,
          sessionStartsAt: slot.start,
          drawAt,
          ...storedNik(person.nik),
          fullName: input.name,
          phone: input.phone,
          email: input.email ?? null,
          language: locale,
          consentAt: input.consent ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: lotteryEntries.id });
      await writeAudit(tx, {
        officeId: office.id,
        actor,
        action: "lottery.enter",
        details: { entry: entry!.id, service: service.slug, date: input.date, session: slot.start },
      });
    });
    return { ...entrySummary({ reference, serviceDate: input.date }, service, office, locale), status: "waiting", session: slot.start, drawAt: drawAt.toISOString(), booking: null };
  });
}

async function selectEntryDTO(where: ReturnType<typeof and>, locale: Locale): Promise<LotteryEntryDTO | null> {
  const db = await getDb();
  const row = await selectEntry(db, lotteryEntries, where);
  return row ? toEntryDTO(row.entry, row.service, row.office, row.bookingReference, locale) : null;
}

function toEntryDTO(entry: LotteryEntry, service: Service, office: Office, bookingReference: string | null, locale: Locale): LotteryEntryDTO {
  return {
    ...entrySummary(entry, service, office, locale),
    status: entry.status,
    session: normalizeTime(entry.sessionStartsAt),
    drawAt: entry.drawAt.toISOString(),
    booking: bookingReference ? bookingLink(bookingReference) : null,
  };
}

/** The entry a reference names, for its page (whoever holds the reference may see it, like a booking's). */
export function findLotteryEntry({ reference }: { reference: string }, options: CommandOptions = {}): Promise<LotteryEntryDTO | null> {
  return selectEntryDTO(eq(lotteryEntries.reference, reference), withDefaults(options).locale);
}

/** Reference + NIK → the entry (the "cek booking" look-up); an unknown reference and a wrong NIK: one 404. */
export async function lookupLotteryEntry(_actor: Actor, input: LookupBookingInput, options: CommandOptions = {}): Promise<LotteryEntryDTO> {
  const { locale } = withDefaults(options);
  const proof = and(
    eq(lotteryEntries.reference, input.reference),
    eq(lotteryEntries.nikHash, hashNik(input.nik)),
    input.phoneLast4 ? sql`right(${lotteryEntries.phone}, 4) = ${input.phoneLast4}` : undefined,
  );
  const found = await selectEntryDTO(proof, locale);
  if (!found) throw notFound();
  return found;
}
