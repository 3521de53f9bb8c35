import { hash } from "@node-rs/argon2";
import type { Executor } from "../client";
import { counterServices, counters, staffUsers, weeklySessions, type StaffRole } from "../schema";

/** What the seeds know of a login: the password is hashed (argon2) on the way in. */
export type SeedStaffAccount = { role: StaffRole; email: string; name: string; password: string };

/** Counters "Loket 1" … "Loket n", each serving every one of `serviceIds`. */
export async function addCounters(tx: Executor, officeId: string, n: number, serviceIds: string[]): Promise<void> {
  const rows = await tx
    .insert(counters)
    .values(Array.from({ length: n }, (_, i) => ({ officeId, number: i + 1, name: `Loket ${i + 1}` })))
    .returning({ id: counters.id });
  if (serviceIds.length > 0) await tx.insert(counterServices).values(rows.flatMap((c) => serviceIds.map((serviceId) => ({ counterId: c.id, serviceId }))));
}

/** The office's seeded logins. */
export async function addStaff(tx: Executor, officeId: string, accounts: readonly SeedStaffAccount[]): Promise<void> {
  if (accounts.length === 0) return;
  const hashes = await Promise.all(accounts.map((s) => hash(s.password)));
  await tx.insert(staffUsers).values(accounts.map((s, i) => ({ officeId, email: s.email, name: s.name, role: s.role, passwordHash: hashes[i]! })));
}

/** The starts of hourly sessions round the clock, 00:00 … 23:00. */
export const ROUND_THE_CLOCK = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:00`);

/** Hourly sessions every day of the week round the clock; the last ends at 23:59, since a session may not cross midnight. */
export async function addRoundTheClockSessions(tx: Executor, officeId: string, capacity: number): Promise<void> {
  await tx.insert(weeklySessions).values(
    [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => ROUND_THE_CLOCK.map((start, i) => ({ officeId, weekday, startsAt: start, endsAt: ROUND_THE_CLOCK[i + 1] ?? "23:59", capacity }))),
  );
}
