import "server-only";
import { and, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bookings, counterServices, counters, type Booking, type Office } from "@/db/schema";
import { addDays } from "../../dates";
import type { CounterRow } from "../../queue-wait";
import { fairOrder } from "./calls";

/** The columns the live position needs: no name, no NIK. */
export type DayRow = Pick<
  Booking,
  "id" | "reference" | "status" | "serviceId" | "counterId" | "queueLetter" | "queueSeq" | "callCount" | "calledAt" | "finishedAt" | "sessionStartsAt" | "sessionEndsAt"
>;

/** One read of an office's day: every booking in the call-next fair order, the counters, the measured times. */
export type OfficeDay = {
  office: Office;
  today: string;
  rows: DayRow[];
  counters: (CounterRow & { number: number })[];
  /** Minutes from call to done, per service: today's, and the recent days' (see HISTORY_DAYS). */
  todayMinutes: Map<string, number[]>;
  historyMinutes: Map<string, number[]>;
};

/** How far back "recent days" reach when today has too few measurements. */
const HISTORY_DAYS = 14;

export async function loadOfficeDay(db: Executor, office: Office, today: string): Promise<OfficeDay> {
  const [rows, counterRows, links, historyMinutes] = await Promise.all([
    db
      .select({
        id: bookings.id,
        reference: bookings.reference,
        status: bookings.status,
        serviceId: bookings.serviceId,
        counterId: bookings.counterId,
        queueLetter: bookings.queueLetter,
        queueSeq: bookings.queueSeq,
        callCount: bookings.callCount,
        calledAt: bookings.calledAt,
        finishedAt: bookings.finishedAt,
        sessionStartsAt: bookings.sessionStartsAt,
        sessionEndsAt: bookings.sessionEndsAt,
      })
      .from(bookings)
      .where(and(eq(bookings.officeId, office.id), eq(bookings.serviceDate, today)))
      // The very order call-next takes its next citizen in: positions are read off it, never re-derived.
      .orderBy(...fairOrder(office)),
    db.select().from(counters).where(eq(counters.officeId, office.id)),
    db
      .select({ counterId: counterServices.counterId, serviceId: counterServices.serviceId })
      .from(counterServices)
      .innerJoin(counters, eq(counters.id, counterServices.counterId))
      .where(eq(counters.officeId, office.id)),
    loadHistoryMinutes(db, office.id, today),
  ]);
  const todayMinutes = new Map<string, number[]>();
  for (const r of rows) {
    if (r.status !== "done" || !r.calledAt || !r.finishedAt) continue;
    push(todayMinutes, r.serviceId, (r.finishedAt.getTime() - r.calledAt.getTime()) / 60_000);
  }
  return {
    office,
    today,
    rows,
    counters: counterRows.map((c) => ({ id: c.id, number: c.number, isActive: c.isActive, serviceIds: links.filter((l) => l.counterId === c.id).map((l) => l.serviceId) })),
    todayMinutes,
    historyMinutes,
  };
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Recent days' service times; they do not change during the day, so each process keeps them for a while. */
const historyCache = new Map<string, { at: number; value: Promise<Map<string, number[]>> }>();
const HISTORY_TTL_MS = 10 * 60_000;

function loadHistoryMinutes(db: Executor, officeId: string, today: string): Promise<Map<string, number[]>> {
  const key = `${officeId}:${today}`;
  const cached = historyCache.get(key);
  if (cached && Date.now() - cached.at < HISTORY_TTL_MS) return cached.value;
  const value = db
    .select({ serviceId: bookings.serviceId, minutes: sql<number>`extract(epoch from ${bookings.finishedAt} - ${bookings.calledAt}) / 60` })
    .from(bookings)
    .where(
      and(
        eq(bookings.officeId, officeId),
        gte(bookings.serviceDate, addDays(today, -HISTORY_DAYS)),
        lt(bookings.serviceDate, today),
        eq(bookings.status, "done"),
        isNotNull(bookings.calledAt),
        isNotNull(bookings.finishedAt),
      ),
    )
    .then((rows) => {
      const map = new Map<string, number[]>();
      for (const r of rows) push(map, r.serviceId, Number(r.minutes));
      return map;
    });
  value.catch(() => historyCache.delete(key));
  if (historyCache.size > 500) historyCache.clear();
  historyCache.set(key, { at: Date.now(), value });
  return value;
}

/** Minutes from check-in to call in one session over recent days: "a typical wait" before the day. */
export async function loadSessionWaits(db: Executor, officeId: string, today: string, sessionStartsAt: string): Promise<number[]> {
  const rows = await db
    .select({ minutes: sql<number>`extract(epoch from ${bookings.calledAt} - ${bookings.checkedInAt}) / 60` })
    .from(bookings)
    .where(
      and(
        eq(bookings.officeId, officeId),
        gte(bookings.serviceDate, addDays(today, -HISTORY_DAYS * 2)),
        lt(bookings.serviceDate, today),
        eq(bookings.sessionStartsAt, sessionStartsAt),
        isNotNull(bookings.calledAt),
        isNotNull(bookings.checkedInAt),
        inArray(bookings.status, ["done", "serving", "no_show"]),
      ),
    );
  return rows.map((r) => Math.max(0, Number(r.minutes)));
}
