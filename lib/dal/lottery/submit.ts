import "server-only";
import type { Actor } from "../../auth/actor";
import { getDb } from "../../db";
import { lotteryDrawAt, lotteryWindow } from "../../lottery/window";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { lotteryEntries, type Office } from "@/db/schema";
import { AppError } from "../../errors";
import type { CreateBookingInput } from "../../validation/booking";
import type { BookingDTO } from "../booking-dto";
import { createBooking, type CreateBookingOptions } from "../bookings";
import { withDefaults } from "../command-options";
import { createLotteryEntry, requireEntryOffice, type LotteryEntryDTO } from "./entries";

/** After the window closes, its entries are drawn before anyone books first come (the job runs every 10 s). */
const SETTLE_MS = 10 * 60_000;

/**
 * Between the window's close and its draw, a first-come booking would take a place the entries are owed:
 * refused (409, "try again in a moment") while the date has entries waiting. Only in the minutes after a
 * window closes, and only for an office with the lottery on.
 */
async function assertDrawSettled(db: Executor, office: Office, date: string, now: Date): Promise<void> {
  if (!office.isLotteryEnabled) return;
  const { drawAt } = lotteryWindow(date, office);
  if (now < drawAt || now.getTime() >= drawAt.getTime() + SETTLE_MS) return;
  const [waiting] = await db
    .select({ id: lotteryEntries.id })
    .from(lotteryEntries)
    .where(and(eq(lotteryEntries.officeId, office.id), eq(lotteryEntries.serviceDate, date), eq(lotteryEntries.status, "waiting")))
    .limit(1);
  if (waiting) throw new AppError("closed", "lottery.error.drawn");
}

export type BookingOutcome = { kind: "booking"; booking: BookingDTO } | { kind: "lottery"; entry: LotteryEntryDTO };

/**
 * A booking request from a citizen's form or the JSON API: inside the date's lottery window (the office
 * turned the fair release on) it becomes a lottery entry, otherwise a booking. Staff bookings (assisted,
 * walk-in) are never entries: they use the walk-in reserve and the desk's own path.
 */
export async function submitBooking(actor: Actor, input: CreateBookingInput & { consent?: boolean }, options: CreateBookingOptions = {}): Promise<BookingOutcome> {
  if (actor.type === "citizen" || actor.type === "api_key") {
    const { now } = withDefaults(options);
    const db = await getDb();
    const office = await requireEntryOffice(actor, input);
    if (lotteryDrawAt(input.date, now, office)) return { kind: "lottery", entry: await createLotteryEntry(actor, input, { ...options, now }) };
    await assertDrawSettled(db, office, input.date, now);
  }
  return { kind: "booking", booking: await createBooking(actor, input, options) };
}
