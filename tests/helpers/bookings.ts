import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ACTIVE_BOOKING_STATUSES, bookings, capacityReleases, capacityUsages } from "@/db/schema";
import { isAppError, type AppError } from "@/lib/errors";
import type { CreateBookingInput } from "@/lib/validation/booking";
import { adultNik, TOMORROW, uniquePhone, type TestOffice } from "./fixtures";

/** What the schema hands the data layer for a fresh adult on TOMORROW 09:00, KTP-el; override anything. */
export function bookingRequest(t: TestOffice, over: Partial<CreateBookingInput> = {}): CreateBookingInput {
  return {
    office: t.office.slug,
    service: "ktp",
    date: TOMORROW,
    session: "09:00",
    nik: adultNik(),
    name: "Siti Nurhaliza",
    phone: "+62" + uniquePhone().slice(1),
    ...over,
  };
}

/** The AppError a call rejects with; fails the test if it resolves or throws anything else. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError, but the call succeeded");
}

/** Active bookings of an office, optionally on one date and session. */
export async function countActive(db: Database, officeId: string, where: { date?: string; session?: string } = {}): Promise<number> {
  const rows = await db
    .select({ date: bookings.serviceDate, session: bookings.sessionStartsAt })
    .from(bookings)
    .where(and(eq(bookings.officeId, officeId), inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES])));
  return rows.filter((r) => (!where.date || r.date === where.date) && (!where.session || r.session.slice(0, 5) === where.session)).length;
}

/** One counter row's `used` (0 when the row does not exist). */
export async function usageOf(
  db: Database,
  officeId: string,
  date: string,
  scope: "day" | "session" | "service" | "phone" | "sequence" | "priority",
  scopeKey = "",
): Promise<number> {
  const [row] = await db
    .select({ used: capacityUsages.used })
    .from(capacityUsages)
    .where(and(eq(capacityUsages.officeId, officeId), eq(capacityUsages.serviceDate, date), eq(capacityUsages.scope, scope), eq(capacityUsages.scopeKey, scopeKey)));
  return row?.used ?? 0;
}

/**
 * Every capacity counter of an office next to the count of active bookings it stands for, plus the freed
 * places still withheld (pending their re-release, or held for a standby offer), keyed `date|scope|key`;
 * only the keys where the two disagree. An empty object means the counters are true.
 */
export async function usageMismatches(db: Database, officeId: string): Promise<Record<string, { counter: number; active: number }>> {
  const counters = await db
    .select()
    .from(capacityUsages)
    .where(and(eq(capacityUsages.officeId, officeId), notInArray(capacityUsages.scope, ["sequence", "priority"])));
  const active = await db
    .select({ date: bookings.serviceDate, session: bookings.sessionStartsAt, serviceId: bookings.serviceId, phoneHash: bookings.phoneHash })
    .from(bookings)
    .where(and(eq(bookings.officeId, officeId), inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES])));

  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const b of active) {
    bump(`${b.date}|day|`);
    bump(`${b.date}|session|${b.session.slice(0, 5)}`);
    bump(`${b.date}|service|${b.serviceId}`);
    if (b.phoneHash) bump(`${b.date}|phone|${b.phoneHash}`);
  }
  const withheld = await db
    .select()
    .from(capacityReleases)
    .where(and(eq(capacityReleases.officeId, officeId), inArray(capacityReleases.status, ["pending", "held"])));
  for (const r of withheld) {
    bump(`${r.serviceDate}|session|${r.sessionStartsAt.slice(0, 5)}`);
    if (!r.isWholePlace) continue;
    bump(`${r.serviceDate}|day|`);
    bump(`${r.serviceDate}|service|${r.serviceId}`);
  }
  const stored = new Map(counters.map((c) => [`${c.serviceDate}|${c.scope}|${c.scopeKey}`, c.used]));
  const out: Record<string, { counter: number; active: number }> = {};
  for (const key of new Set([...counts.keys(), ...stored.keys()])) {
    const counter = stored.get(key) ?? 0;
    const n = counts.get(key) ?? 0;
    if (counter !== n) out[key] = { counter, active: n };
  }
  return out;
}

/** Runs calls to completion and tallies them: the values of those that succeeded, and the error codes of the rest. */
export async function settleAll<T>(calls: Promise<T>[]): Promise<{ fulfilled: T[]; codes: Record<string, number> }> {
  const results = await Promise.allSettled(calls);
  const fulfilled: T[] = [];
  const codes: Record<string, number> = {};
  for (const r of results) {
    if (r.status === "fulfilled") fulfilled.push(r.value);
    else {
      const code = isAppError(r.reason) ? r.reason.code : `unexpected: ${String(r.reason)}`;
      codes[code] = (codes[code] ?? 0) + 1;
    }
  }
  return { fulfilled, codes };
}

/** The highest value `read` returns while `race` is running (sampled back to back), for "never exceeded". */
export async function highestWhile(race: Promise<unknown>, read: () => Promise<number>): Promise<number> {
  let done = false;
  const stop = () => {
    done = true;
  };
  race.then(stop, stop);
  let highest = await read();
  while (!done) highest = Math.max(highest, await read());
  return Math.max(highest, await read());
}
