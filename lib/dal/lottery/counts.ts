import "server-only";
import { and, count, desc, eq, gte, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { lotteryDraws, lotteryEntries, type Office } from "@/db/schema";
import { evaluateDay } from "../../availability";
import { channelLimit } from "../../capacity";
import { addDays, localDate, localTime } from "../../dates";
import { getDb } from "../../db";
import { lotteryDrawAt } from "../../lottery/window";
import { loadDayPlan, loadUsage } from "../calendar";
import { findOffice } from "../offices";
import { withDefaults, type CommandOptions } from "../command-options";

/** A date's lottery in public numbers: no names, no NIKs, only counts (and the seed, for the audit). */
export type LotteryCountDTO = { date: string; entries: number; places: number; winners: number | null; drawAt: string | null; drawTime: string | null; drawnAt: string | null; seed: string | null };

/** The online places still free on a date now: the sessions' room, within the day's. */
export async function freePlaces(db: Executor, office: Office, date: string, now: Date): Promise<number> {
  const plan = await loadDayPlan(db, office, date);
  if (!plan.open) return 0;
  const usage = (await loadUsage(db, office.id, [date])).get(date)!;
  const day = evaluateDay(plan, usage, { office, serviceId: "", serviceCap: null, channel: "online", now });
  const sessions = day.sessions.filter((s) => !s.closed).reduce((sum, s) => sum + s.remaining, 0);
  return Math.max(0, Math.min(sessions, channelLimit(plan.dayCap, office.walkInReservePercent, "online") - usage.day));
}

/**
 * The dates of a place whose lottery window is open now, with the entries so far and the places to draw
 * ("Undian: N pendaftar untuk M tempat" on the date page). Empty when the place has no lottery.
 */
export async function listOpenLotteries({ officeSlug }: { officeSlug?: string }, options: CommandOptions = {}): Promise<LotteryCountDTO[]> {
  const { now } = withDefaults(options);
  const office = await findOffice(officeSlug);
  if (!office || !office.isLotteryEnabled || !office.isPublic) return [];
  const today = localDate(now, office.timezone);
  const dates: { date: string; drawAt: Date }[] = [];
  for (let i = 0; i <= office.bookingDaysAhead + 1; i++) {
    const date = addDays(today, i);
    const drawAt = lotteryDrawAt(date, now, office);
    if (drawAt) dates.push({ date, drawAt });
  }
  if (dates.length === 0) return [];
  const db = await getDb();
  const counts = await db
    .select({ date: lotteryEntries.serviceDate, n: count() })
    .from(lotteryEntries)
    .where(and(eq(lotteryEntries.officeId, office.id), inArray(lotteryEntries.serviceDate, dates.map((d) => d.date))))
    .groupBy(lotteryEntries.serviceDate);
  // A date drawn early (a clock ahead on another instance) is no longer open: its numbers are the draw's.
  const drawn = await db
    .select({ date: lotteryDraws.serviceDate })
    .from(lotteryDraws)
    .where(and(eq(lotteryDraws.officeId, office.id), inArray(lotteryDraws.serviceDate, dates.map((d) => d.date))));
  const open = dates.filter((d) => !drawn.some((r) => r.date === d.date));
  return Promise.all(
    open.map(async ({ date, drawAt }) => ({
      date,
      entries: counts.find((c) => c.date === date)?.n ?? 0,
      places: await freePlaces(db, office, date, now),
      winners: null,
      drawAt: drawAt.toISOString(),
      drawTime: localTime(drawAt, office.timezone),
      drawnAt: null,
      seed: null,
    })),
  );
}

/** The draws of the last 30 days and after, newest date first (transparency page and API). */
export async function listLotteryDraws(db: Executor, office: Office, today: string): Promise<LotteryCountDTO[]> {
  const rows = await db
    .select()
    .from(lotteryDraws)
    .where(and(eq(lotteryDraws.officeId, office.id), gte(lotteryDraws.serviceDate, addDays(today, -30))))
    .orderBy(desc(lotteryDraws.serviceDate))
    .limit(60);
  return rows.map((r) => ({ date: r.serviceDate, entries: r.entryCount, places: r.places, winners: r.winners, drawAt: null, drawTime: null, drawnAt: r.drawnAt.toISOString(), seed: r.seed }));
}
