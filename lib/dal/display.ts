import "server-only";
import { and, asc, desc, eq, gte } from "drizzle-orm";
import { bookings, calls, counters } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { localDate, zonedInstant } from "../dates";
import { getDb } from "../db";
import { RECENT_CALLS, type DisplayCall, type DisplayState } from "../display-events";
import { AppError } from "../errors";
import { formatQueueNumber } from "../reference";
import { withDefaults, type CommandOptions } from "./command-options";
import { requireOfficeById } from "./offices";

export type { DisplayCall, DisplayState } from "../display-events";

export async function getDisplayState(actor: Actor, options: CommandOptions = {}): Promise<DisplayState> {
  assertCan(actor, "display.view");
  if (actor.type !== "device" && actor.type !== "staff") throw new AppError("forbidden", "error.forbidden");
  const { now } = withDefaults(options);
  const db = await getDb();
  const office = await requireOfficeById(actor.officeId, db);
  const date = localDate(now, office.timezone);
  const since = zonedInstant(date, "00:00", office.timezone);

  const [counterRows, callRows] = await Promise.all([
    db
      .select({ number: counters.number, name: counters.name })
      .from(counters)
      .where(and(eq(counters.officeId, office.id), eq(counters.isActive, true)))
      .orderBy(asc(counters.number)),
    // Latest call per counter today: DISTINCT ON keeps the newest row of each counter.
    db
      .selectDistinctOn([calls.counterId], {
        letter: bookings.queueLetter,
        seq: bookings.queueSeq,
        counterNumber: counters.number,
        counterName: counters.name,
        kind: calls.kind,
        calledAt: calls.calledAt,
      })
      .from(calls)
      .innerJoin(bookings, eq(bookings.id, calls.bookingId))
      .innerJoin(counters, eq(counters.id, calls.counterId))
      .where(and(eq(calls.officeId, office.id), gte(calls.calledAt, since)))
      .orderBy(calls.counterId, desc(calls.calledAt)),
  ]);
  const recentRows = await db
    .select({ letter: bookings.queueLetter, seq: bookings.queueSeq, counterNumber: counters.number, counterName: counters.name, kind: calls.kind, calledAt: calls.calledAt })
    .from(calls)
    .innerJoin(bookings, eq(bookings.id, calls.bookingId))
    .innerJoin(counters, eq(counters.id, calls.counterId))
    .where(and(eq(calls.officeId, office.id), gte(calls.calledAt, since)))
    .orderBy(desc(calls.calledAt))
    .limit(RECENT_CALLS);

  const toCall = (r: (typeof recentRows)[number]): DisplayCall => ({
    queueNumber: formatQueueNumber(r.letter, r.seq),
    counterNumber: r.counterNumber,
    counterName: r.counterName,
    kind: r.kind,
    at: r.calledAt.toISOString(),
  });
  const currentByCounter = new Map(callRows.map((r) => [r.counterNumber, toCall(r)]));
  return {
    office: { name: office.name, shortName: office.shortName, timezone: office.timezone },
    date,
    counters: counterRows.map((c) => ({ number: c.number, name: c.name, current: currentByCounter.get(c.number) ?? null })),
    recent: recentRows.map(toCall),
    generatedAt: now.toISOString(),
  };
}
