import "server-only";
import { and, eq, lte, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bookings, lotteryDraws, lotteryEntries, messages, services, type LotteryEntry, type Office, type Service } from "@/db/schema";
import type { MessageParams } from "@/db/schema/messages";
import { SYSTEM, type Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { decryptNik, hashPhone } from "../../crypto";
import { normalizeTime } from "../../dates";
import { getDb } from "../../db";
import { isAppError, pgErrorCode } from "../../errors";
import { createDrawSeed, drawOrder } from "../../lottery/draw";
import { createReference } from "../../reference";
import { writeAudit } from "../audit";
import { requirePerson, claimChanges, phoneChange, requireSlot } from "../booking-rules";
import { auditEntryBooking, entryBookingValues } from "../citizen-entries";
import { withDefaults, type CommandOptions } from "../command-options";
import { loadDayPlan } from "../calendar";
import { applyUsageChanges, takeQueueNumber } from "../capacity-usage";
import { requireOfficeById } from "../offices";
import { invalidateReads } from "../read-cache";
import { serviceName } from "../services";
import { freePlaces } from "./counts";
import { lockLotteryDay } from "./lock";

export type DrawResult = { seed: string; entries: number; places: number; winners: number };

type Slot = Awaited<ReturnType<typeof requireSlot>>;

/**
 * Draws one office's date: the entries in the order of `drawOrder(seed, ids)` (lib/lottery/draw.ts), each
 * winner booked through the booking counters (day, session, service, phone: never oversold; a full chosen
 * session → another session of the same date, else not drawn), everyone else `not_drawn`. One transaction
 * under the day's exclusive lottery lock with the `lottery_draws` row (unique per office and date), so two
 * instances never draw a date twice: the second finds the row and returns null. The seed is stored with
 * the draw and in its audit row; with the entries' ids anyone can redo the order.
 */
export async function drawLottery(actor: Actor, input: { officeId: string; date: string }, options: CommandOptions & { seed?: string } = {}): Promise<DrawResult | null> {
  assertCan(actor, "settings.manage", input.officeId);
  const { now } = withDefaults(options);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    await lockLotteryDay(tx, input.officeId, input.date, "exclusive");
    const [done] = await tx.select({ id: lotteryDraws.id }).from(lotteryDraws).where(and(eq(lotteryDraws.officeId, input.officeId), eq(lotteryDraws.serviceDate, input.date)));
    if (done) return null;
    const entries = await tx
      .select()
      .from(lotteryEntries)
      .where(and(eq(lotteryEntries.officeId, input.officeId), eq(lotteryEntries.serviceDate, input.date), eq(lotteryEntries.status, "waiting")))
      .for("update");
    if (entries.length === 0) return null;
    const office = await requireOfficeById(input.officeId, tx);
    const seed = options.seed ?? createDrawSeed();
    const byId = new Map(entries.map((e) => [e.id, e]));
    const order = drawOrder(seed, [...byId.keys()]);
    const plan = await loadDayPlan(tx, office, input.date);
    const places = await freePlaces(tx, office, input.date, now);
    const [draw] = await tx
      .insert(lotteryDraws)
      .values({ officeId: office.id, serviceDate: input.date, seed, entryCount: entries.length, places, winners: 0, drawnAt: now })
      .returning({ id: lotteryDraws.id });

    const sessionStarts = plan.open ? plan.sessions.map((s) => normalizeTime(s.start)) : [];
    const slots = new Map<string, Slot | null>();
    const serviceRows = new Map<string, Service>();
    let winners = 0;
    for (const id of order) {
      const entry = byId.get(id)!;
      let service = serviceRows.get(entry.serviceId);
      if (!service) {
        [service] = await tx.select().from(services).where(eq(services.id, entry.serviceId));
        serviceRows.set(entry.serviceId, service!);
      }
      const chosen = normalizeTime(entry.sessionStartsAt);
      const tries = winners < places ? [chosen, ...sessionStarts.filter((s) => s !== chosen)] : [];
      let booked = false;
      for (const start of tries) {
        if (!slots.has(start)) slots.set(start, await requireSlot(tx, office, service!, input.date, start, "online", now).catch(() => null));
        const slot = slots.get(start);
        if (!slot) continue;
        const outcome = await bookWinner(tx, actor, office, service!, entry, slot, now);
        if (outcome === "booked") booked = true;
        if (outcome !== "full") break;
      }
      if (booked) winners++;
      else await settleLoser(tx, office, service!, entry, now);
    }
    await tx.update(lotteryDraws).set({ winners }).where(eq(lotteryDraws.id, draw!.id));
    await writeAudit(tx, {
      officeId: office.id,
      actor,
      action: "lottery.draw",
      details: { draw: draw!.id, date: input.date, seed, entries: entries.length, places, winners },
    });
    return { seed, entries: entries.length, places, winners };
  });
  if (result) invalidateReads("usage", "full");
  return result;
}

/**
 * One winner's booking in a savepoint: the counters (as a booking claims them), a queue number, the
 * booking row and its audit row. "full": this session has no room (try another); "refused": the phone's
 * allowance or an active booking that day (a staff booking made meanwhile) — not drawn.
 */
async function bookWinner(tx: Transaction, actor: Actor, office: Office, service: Service, entry: LotteryEntry, slot: Slot, now: Date): Promise<"booked" | "full" | "refused"> {
  try {
    await tx.transaction(async (sp) => {
      const person = requirePerson(decryptNik(entry.nikEncrypted), service, office, entry.serviceDate, now);
      const phoneHash = hashPhone(entry.phone);
      await applyUsageChanges(sp, [...claimChanges(office, service, entry.serviceDate, slot.start, slot.limits), phoneChange(office, entry.serviceDate, phoneHash)]);
      const queueSeq = await takeQueueNumber(sp, office.id, entry.serviceDate, service.queueLetter);
      const [booking] = await sp
        .insert(bookings)
        .values({
          ...entryBookingValues(office, service, entry, person, { nikHash: entry.nikHash, phoneHash }, now),
          reference: createReference(),
          sessionStartsAt: slot.start,
          sessionEndsAt: slot.end,
          queueSeq,
          nikHash: entry.nikHash,
          nikEncrypted: entry.nikEncrypted,
          nikMasked: entry.nikMasked,
          email: entry.email,
          consentAt: entry.consentAt,
          language: entry.language,
        })
        .returning({ id: bookings.id });
      // The booking's confirmation (written by the outbox trigger) goes out as the draw's result: one message.
      await sp.execute(
        sql`update ${messages} set kind = 'lottery_drawn', idempotency_key = 'lottery_drawn:' || ${entry.id} || ':' || channel where booking_id = ${booking!.id} and kind = 'confirmation'`,
      );
      await sp.update(lotteryEntries).set({ status: "drawn", bookingId: booking!.id, updatedAt: now }).where(eq(lotteryEntries.id, entry.id));
      await auditEntryBooking(sp, actor, { id: booking!.id, officeId: office.id, serviceDate: entry.serviceDate, session: slot.start }, service, { lottery: entry.reference });
    });
    return "booked";
  } catch (error) {
    if (isAppError(error)) return error.code === "full" ? "full" : "refused";
    const { code } = pgErrorCode(error);
    // An active booking that day (unique person index) or, once in 10^12, a reference collision: not drawn.
    if (code === "23505") return "refused";
    throw error;
  }
}

/** Not drawn: the status, and the message (WhatsApp, and email when given) pointing to the entry's page. */
async function settleLoser(tx: Transaction, office: Office, service: Service, entry: LotteryEntry, now: Date): Promise<void> {
  await tx.update(lotteryEntries).set({ status: "not_drawn", updatedAt: now }).where(eq(lotteryEntries.id, entry.id));
  const locale = entry.language === "en" ? "en" : "id";
  const start = normalizeTime(entry.sessionStartsAt);
  const params: MessageParams = {
    reference: entry.reference,
    queueNumber: "",
    service: serviceName(service, locale),
    date: entry.serviceDate,
    sessionStart: start,
    sessionEnd: start,
    arriveBy: start,
    place: office.name,
    address: office.address,
    bring: [],
    link: `/lottery/${entry.reference}`,
  };
  const base = { officeId: office.id, kind: "lottery_not_drawn" as const, language: locale, params, nextAttemptAt: now, createdAt: now, updatedAt: now };
  const rows: (typeof messages.$inferInsert)[] = [{ ...base, channel: "whatsapp", recipient: entry.phone.replace(/^\+/, ""), idempotencyKey: `lottery_not_drawn:${entry.id}:whatsapp` }];
  if (entry.email) rows.push({ ...base, channel: "email", recipient: entry.email, idempotencyKey: `lottery_not_drawn:${entry.id}:email` });
  await tx.insert(messages).values(rows).onConflictDoNothing();
}

/**
 * The maintenance pass: every office and date whose window has closed and still has waiting entries is
 * drawn. Safe on every instance at once (the lock and the draws row), and idempotent.
 */
export async function runDueDraws({ now = new Date() }: { now?: Date } = {}): Promise<{ draws: number; winners: number; entries: number }> {
  const db = await getDb();
  const due = await db
    .selectDistinct({ officeId: lotteryEntries.officeId, date: lotteryEntries.serviceDate })
    .from(lotteryEntries)
    .where(and(eq(lotteryEntries.status, "waiting"), lte(lotteryEntries.drawAt, now)));
  const total = { draws: 0, winners: 0, entries: 0 };
  for (const day of due) {
    const r = await drawLottery(SYSTEM, day, { now });
    if (!r) continue;
    total.draws++;
    total.winners += r.winners;
    total.entries += r.entries;
  }
  return total;
}
