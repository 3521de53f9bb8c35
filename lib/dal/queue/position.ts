import "server-only";
import { eq } from "drizzle-orm";
import { bookings, type Office } from "@/db/schema";
import { localDate, localTime, normalizeTime, zonedInstant } from "../../dates";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { countAhead, estimateWait, quantile, MIN_SAMPLES, serviceTimeFrom, type QueueStatus, type ServiceTime } from "../../queue-wait";
import { formatQueueNumber, isReference, normalizeReference } from "../../reference";
import { requireOfficeById } from "../offices";
import { cachedRead } from "../read-cache";
import { loadOfficeDay, loadSessionWaits, type DayRow, type OfficeDay } from "./office-day";
import { withDefaults, type CommandOptions } from "../command-options";

export type { QueueStatus };

/** What the citizen's page needs besides the public status. */
export type QueueStatusView = {
  status: QueueStatus;
  officeId: string;
  reference: string;
  date: string;
  isToday: boolean;
  /** Calls made to the citizen so far (a recall is the second and later). */
  callCount: number;
  noShowAfterCalls: number;
  nearTurnAhead: number;
  /** Office-local "HH:MM" from which check-in opens, for a booking of today not yet checked in. */
  checkInOpensAt: string | null;
};

type DayStatuses = Awaited<ReturnType<typeof getOfficeDayStatuses>>;
/** `loadDay`: a shared read of the office's day (the event streams pass theirs). */
type Options = CommandOptions & { loadDay?: (officeId: string) => Promise<DayStatuses> };

/** The live status of one booking by its reference; 404 (not_found) for an unknown or malformed one. */
export async function getQueueStatus({ reference: rawReference }: { reference: string }, options: Options = {}): Promise<QueueStatusView> {
  const { now } = withDefaults(options);
  const reference = normalizeReference(rawReference);
  if (!isReference(reference)) throw new AppError("not_found", "error.notFound");
  const db = await getDb();
  // One read of the booking serves both cases (the confirmation page renders this for every reference).
  const [booking] = await db.select().from(bookings).where(eq(bookings.reference, reference));
  if (!booking) throw new AppError("not_found", "error.notFound");
  const office = await requireOfficeById(booking.officeId);
  const today = localDate(now, office.timezone);
  if (booking.serviceDate === today) {
    // A shared read may predate a booking made since (a booking alone publishes no queue event): read afresh.
    const shared = options.loadDay ? (await options.loadDay(office.id)).of(reference, now) : null;
    return shared ?? (await getOfficeDayStatuses({ officeId: office.id }, { now })).of(reference, now)!;
  }
  return futureStatus(booking, office, today);
}

/** The office's day read once, then any number of its bookings' statuses computed from it in memory. */
export async function getOfficeDayStatuses({ officeId }: { officeId: string }, options: CommandOptions = {}): Promise<{ day: OfficeDay; of: (reference: string, now?: Date) => QueueStatusView | null }> {
  const { now } = withDefaults(options);
  const db = await getDb();
  const office = await requireOfficeById(officeId, db);
  const day = await loadOfficeDay(db, office, localDate(now, office.timezone));
  return { day, of: (reference, at = now) => statusFromDay(day, reference, at) };
}

/** The status of one booking of the day (null when it is not the day's), from a loaded day. */
export function statusFromDay(day: OfficeDay, reference: string, now: Date): QueueStatusView | null {
  const row = day.rows.find((r) => r.reference === reference);
  if (!row) return null;
  const { office } = day;
  const status: QueueStatus = { status: row.status, queueNumber: formatQueueNumber(row.queueLetter, row.queueSeq), nowServing: nowServing(day) };
  const counterNumber = row.counterId ? day.counters.find((c) => c.id === row.counterId)?.number : undefined;
  if (counterNumber !== undefined && ["checked_in", "called", "serving"].includes(row.status)) status.counter = counterNumber;
  if (row.status === "checked_in") {
    const waiting = day.rows.filter((r) => r.status === "checked_in");
    const position = countAhead(waiting, row.id, day.counters)!;
    status.ahead = position.ahead.length;
    const timeOf = (serviceId: string): ServiceTime => serviceTimeFrom(day.todayMinutes.get(serviceId) ?? [], day.historyMinutes.get(serviceId) ?? []);
    status.etaMinutes = estimateWait(
      position.ahead.map((r) => timeOf(r.serviceId)),
      timeOf(row.serviceId),
      position.counters.filter((c) => c.isActive).length,
    );
  }
  return {
    status,
    officeId: office.id,
    reference,
    date: day.today,
    isToday: true,
    callCount: row.callCount,
    noShowAfterCalls: office.noShowAfterCalls,
    nearTurnAhead: office.nearTurnAhead,
    checkInOpensAt: row.status === "booked" ? checkInOpens(row, day.today, office.timezone, office.checkInOpensMinutes, now) : null,
  };
}

/** Each counter's latest called or served number: what the hall display shows. */
function nowServing(day: OfficeDay): QueueStatus["nowServing"] {
  const latest = new Map<string, DayRow>();
  for (const r of day.rows) {
    if ((r.status !== "called" && r.status !== "serving") || !r.counterId) continue;
    const seen = latest.get(r.counterId);
    if (!seen || (r.calledAt?.getTime() ?? 0) > (seen.calledAt?.getTime() ?? 0)) latest.set(r.counterId, r);
  }
  return day.counters
    .filter((c) => latest.has(c.id))
    .sort((a, b) => a.number - b.number)
    .map((c) => {
      const r = latest.get(c.id)!;
      return { counter: c.number, number: formatQueueNumber(r.queueLetter, r.queueSeq) };
    });
}

function checkInOpens(row: DayRow, date: string, timezone: string, opensMinutes: number, now: Date): string | null {
  const opens = new Date(zonedInstant(date, normalizeTime(row.sessionStartsAt), timezone).getTime() - opensMinutes * 60_000);
  return opens > now ? localTime(opens, timezone) : null;
}

/** Before (or after) the day: the status, and for a coming visit the session's typical wait from history. */
async function futureStatus(row: typeof bookings.$inferSelect, office: Office, today: string): Promise<QueueStatusView> {
  const status: QueueStatus = { status: row.status, queueNumber: formatQueueNumber(row.queueLetter, row.queueSeq), nowServing: [] };
  if (row.status === "booked" && row.serviceDate > today) {
    // Past days only: the same for every booking of the session all day (kept for the read cache's second).
    const key = `session-waits:${office.id}:${today}:${row.sessionStartsAt}`;
    const waits = [...(await cachedRead("usage", key, async () => loadSessionWaits(await getDb(), office.id, today, row.sessionStartsAt)))].sort((a, b) => a - b);
    if (waits.length >= MIN_SAMPLES) {
      const low = Math.floor(quantile(waits, 0.25) / 5) * 5;
      status.etaMinutes = { low, high: Math.max(low + 5, Math.ceil(quantile(waits, 0.75) / 5) * 5) };
    }
  }
  return {
    status,
    officeId: office.id,
    reference: row.reference,
    date: row.serviceDate,
    isToday: false,
    callCount: row.callCount,
    noShowAfterCalls: office.noShowAfterCalls,
    nearTurnAhead: office.nearTurnAhead,
    checkInOpensAt: null,
  };
}
