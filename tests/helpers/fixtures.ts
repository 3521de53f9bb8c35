import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { counterServices, counters, offices, services, weeklySessions, type Office, type Service } from "@/db/schema";

/** Tuesday 1 December 2026, 10:00 in Jakarta: "now" for tests that need a fixed clock. */
export const NOW = new Date("2026-12-01T03:00:00Z");
export const TODAY = "2026-12-01";
export const TOMORROW = "2026-12-02";

/** A structurally valid NIK: Kota Bogor (3271), district 01, the birth date (day + 40 for women), a serial. */
export function makeNik(birthDate: string, sex: "M" | "F" = "M", serial = 1, region = "327101"): string {
  const [y, m, d] = birthDate.split("-");
  const day = Number(d) + (sex === "F" ? 40 : 0);
  return `${region}${String(day).padStart(2, "0")}${m}${y!.slice(2)}${String(serial).padStart(4, "0")}`;
}

/** A different adult for every call, so tests never trip "one visit a day" by accident. */
let serialCounter = 1;
export function adultNik(): string {
  const serial = serialCounter++;
  return makeNik(`19${70 + (serial % 25)}-0${1 + (serial % 9)}-1${serial % 9}`, serial % 2 ? "M" : "F", 1 + (serial % 9999));
}

let phoneCounter = 10_000_000;
export function uniquePhone(): string {
  return `0812${phoneCounter++}`;
}

export type TestOffice = { office: Office; ktp: Service; kia: Service; kk: Service; counterIds: string[] };

/**
 * An office open every day, 08:00–14:00 in hourly sessions, so tests do not depend on weekdays or
 * holidays; caps small enough to fill. Anything can be overridden.
 */
export async function createTestOffice(
  db: Database,
  options: { office?: Partial<typeof offices.$inferInsert>; sessionCapacity?: number; serviceCaps?: { ktp?: number } } = {},
): Promise<TestOffice> {
  const [office] = await db
    .insert(offices)
    .values({
      slug: `test-${randomBytes(4).toString("hex")}`,
      name: "Kantor Uji",
      shortName: "Uji",
      regionCode: "3271",
      timezone: "Asia/Jakarta",
      openWeekdays: [1, 2, 3, 4, 5, 6, 7],
      dailyCap: 40,
      walkInReservePercent: 0,
      // Tests of other features expect a cancelled place back at once; the re-release tests set the delay.
      releaseDelayMinutes: 0,
      ...options.office,
    })
    .returning();
  const [ktp, kia, kk] = await db
    .insert(services)
    .values([
      { officeId: office!.id, slug: "ktp", category: "KTP-el", name: "KTP-el", nameEn: "ID card", minAge: 17, queueLetter: "A", position: 0, dailyCap: options.serviceCaps?.ktp ?? null },
      { officeId: office!.id, slug: "kia", category: "KIA", name: "KIA", maxAge: 16, queueLetter: "B", position: 1 },
      { officeId: office!.id, slug: "kk", category: "KK", name: "Kartu Keluarga", queueLetter: "C", position: 2 },
    ])
    .returning();
  const hours = ["08", "09", "10", "11", "12", "13"];
  await db.insert(weeklySessions).values(
    [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
      hours.map((h) => ({ officeId: office!.id, weekday, startsAt: `${h}:00`, endsAt: `${String(Number(h) + 1).padStart(2, "0")}:00`, capacity: options.sessionCapacity ?? 10 })),
    ),
  );
  const counterRows = await db
    .insert(counters)
    .values([1, 2].map((n) => ({ officeId: office!.id, number: n, name: `Loket ${n}` })))
    .returning();
  await db.insert(counterServices).values(counterRows.flatMap((c) => [ktp!, kia!, kk!].map((s) => ({ counterId: c.id, serviceId: s.id }))));
  return { office: office!, ktp: ktp!, kia: kia!, kk: kk!, counterIds: counterRows.map((c) => c.id) };
}
