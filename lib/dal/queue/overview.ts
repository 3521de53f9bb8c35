import "server-only";
import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { bookings, type BookingStatus } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { localDate } from "../../dates";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { isReference, normalizeReference } from "../../reference";
import { BOOKING_STATUSES } from "../../queue-transitions";
import { requireOfficeById } from "../offices";
import { withDefaults, type QueueOptions } from "./change";
import { selectEntries, type QueueEntryDTO } from "./entry-dto";

export type DayOverviewInput = { date?: string; q?: string };

export type DayOverview = {
  date: string;
  timezone: string;
  query: string | null;
  /** The whole day's counts, whatever the search. */
  counts: Record<BookingStatus, number>;
  total: number;
  /** Sessions in time order; within each, one group per status (in lifecycle order) that has entries. */
  sessions: { start: string; end: string; label: string; groups: { status: BookingStatus; entries: QueueEntryDTO[] }[] }[];
  matches: number;
};

/** The day at a glance for the actor's office: every booking by session and status, searchable. */
export async function getDayOverview(actor: Actor, input: DayOverviewInput = {}, options: QueueOptions = {}): Promise<DayOverview> {
  assertCan(actor, "day.view");
  // The day belongs to one office: only an actor bound to an office has one to show.
  if (actor.type !== "staff" && actor.type !== "device") throw new AppError("forbidden", "error.forbidden");
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const office = await requireOfficeById(actor.officeId, db);
  const date = input.date ?? localDate(now, office.timezone);
  const query = input.q?.trim() || null;
  const ofDay = and(eq(bookings.officeId, office.id), eq(bookings.serviceDate, date))!;

  const [countRows, entries] = await Promise.all([
    db.select({ status: bookings.status, n: sql<number>`count(*)::int` }).from(bookings).where(ofDay).groupBy(bookings.status),
    selectEntries(db, query ? and(ofDay, searchCondition(query)) : ofDay, locale, [asc(bookings.sessionStartsAt), asc(bookings.queueLetter), asc(bookings.queueSeq)]),
  ]);
  const counts = Object.fromEntries(BOOKING_STATUSES.map((s) => [s, 0])) as Record<BookingStatus, number>;
  for (const row of countRows) counts[row.status] = row.n;

  const sessions: DayOverview["sessions"] = [];
  for (const entry of entries) {
    let session = sessions.find((s) => s.start === entry.session.start);
    if (!session) sessions.push((session = { ...entry.session, groups: [] }));
    let group = session.groups.find((g) => g.status === entry.status);
    if (!group) session.groups.push((group = { status: entry.status, entries: [] }));
    group.entries.push(entry);
  }
  for (const s of sessions) s.groups.sort((a, b) => BOOKING_STATUSES.indexOf(a.status) - BOOKING_STATUSES.indexOf(b.status));
  return { date, timezone: office.timezone, query, counts, total: Object.values(counts).reduce((a, b) => a + b, 0), sessions, matches: entries.length };
}

/**
 * What an operator may type: a reference (`ABCD-EFGH`, any case), a queue number (`A-017`, `a17`) or part
 * of a name. LIKE wildcards in the text are escaped, so `%` finds a percent sign, not everyone.
 */
function searchCondition(query: string): SQL {
  const conditions: SQL[] = [ilike(bookings.fullName, `%${escapeLike(query)}%`)];
  const reference = normalizeReference(query);
  if (isReference(reference)) conditions.push(eq(bookings.reference, reference));
  const queueNumber = /^([A-Za-z])\s*-?\s*(\d{1,4})$/.exec(query);
  if (queueNumber) conditions.push(and(eq(bookings.queueLetter, queueNumber[1]!.toUpperCase()), eq(bookings.queueSeq, Number(queueNumber[2])))!);
  return or(...conditions)!;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
