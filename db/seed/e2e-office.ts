import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { offices } from "../schema";
import { copyCatalogue } from "./copy-catalogue";
import { addCounters, addRoundTheClockSessions, addStaff, ROUND_THE_CLOCK, type SeedStaffAccount } from "./office-rows";
import { DEMO_OFFICE_SLUG } from "./seed";

export type AlwaysOpenOfficeOptions = {
  slug: string;
  name: string;
  staff: readonly SeedStaffAccount[];
  /** The office whose services, requirements and forms are copied (seeded by seedDatabase first). */
  sourceSlug?: string;
  sessionCapacity?: number;
};

/**
 * For end-to-end tests only: an office open every day of the week with hourly sessions round the clock
 * (the last one ends at 23:59, since a session may not cross midnight), no holidays, a 20 % walk-in
 * reserve and two counters serving everything. Staff journeys then always find a session running "now",
 * whenever CI happens to run. Its catalogue is copied row by row from the Kota Bogor office so the
 * public pages show the real services and requirements.
 */
export async function seedAlwaysOpenOffice(db: Database, options: AlwaysOpenOfficeOptions): Promise<void> {
  const capacity = options.sessionCapacity ?? 100;
  await db.transaction(async (tx) => {
    const [source] = await tx.select().from(offices).where(eq(offices.slug, options.sourceSlug ?? DEMO_OFFICE_SLUG));
    if (!source) throw new Error(`seedAlwaysOpenOffice: seed the ${options.sourceSlug ?? DEMO_OFFICE_SLUG} office first`);

    const [office] = await tx
      .insert(offices)
      .values({
        slug: options.slug,
        name: options.name,
        shortName: options.name,
        timezone: source.timezone,
        regionCode: source.regionCode,
        address: source.address,
        website: source.website,
        openWeekdays: [1, 2, 3, 4, 5, 6, 7],
        observesNationalHolidays: false,
        dailyCap: capacity * ROUND_THE_CLOCK.length,
        walkInReservePercent: 20,
        // Proof of work as in production, at a difficulty a test solves in a moment (browser and Node).
        powDifficulty: 50,
      })
      .returning({ id: offices.id });
    const officeId = office!.id;

    const serviceIds = [...(await copyCatalogue(tx, source.id, officeId)).values()].flat();

    await addRoundTheClockSessions(tx, officeId, capacity);

    await addCounters(tx, officeId, 2, serviceIds);
    await addStaff(tx, officeId, options.staff);
  });
}

