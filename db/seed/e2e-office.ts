import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Database } from "../client";
import {
  counterServices,
  counters,
  forms,
  offices,
  requirementForms,
  serviceRequirements,
  services,
  staffUsers,
  weeklySessions,
  type StaffRole,
} from "../schema";
import { DEMO_OFFICE_SLUG } from "./seed";

export type SeedStaffAccount = { role: StaffRole; email: string; name: string; password: string };

export type AlwaysOpenOfficeOptions = {
  slug: string;
  name: string;
  staff: readonly SeedStaffAccount[];
  /** The office whose services, requirements and forms are copied (seeded by seedDatabase first). */
  sourceSlug?: string;
  sessionCapacity?: number;
};

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));

/**
 * For end-to-end tests only: an office open every day of the week with hourly sessions round the clock
 * (the last one ends at 23:59, since a session may not cross midnight), no holidays, a 20 % walk-in
 * reserve and two counters serving everything. Staff journeys then always find a session running "now",
 * whenever CI happens to run. Its catalogue is copied row by row from the Kota Bogor office so the
 * public pages show the real services and requirements.
 */
export async function seedAlwaysOpenOffice(db: Database, options: AlwaysOpenOfficeOptions): Promise<void> {
  const capacity = options.sessionCapacity ?? 100;
  const passwordHashes = await Promise.all(options.staff.map((s) => hash(s.password)));

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
        dailyCap: capacity * HOURS.length,
        walkInReservePercent: 20,
        // Proof of work as in production, at a difficulty a test solves in a moment (browser and Node).
        powDifficulty: 50,
      })
      .returning({ id: offices.id });
    const officeId = office!.id;

    const sourceForms = await tx.select().from(forms).where(eq(forms.officeId, source.id));
    const formIds = new Map<string, string>();
    for (const { id, ...form } of sourceForms) {
      const [row] = await tx.insert(forms).values({ ...form, officeId }).returning({ id: forms.id });
      formIds.set(id, row!.id);
    }

    const sourceServices = await tx.select().from(services).where(eq(services.officeId, source.id));
    const serviceIds: string[] = [];
    for (const { id, createdAt: _c, updatedAt: _u, ...service } of sourceServices) {
      const [row] = await tx.insert(services).values({ ...service, officeId }).returning({ id: services.id });
      serviceIds.push(row!.id);
      const requirements = await tx.select().from(serviceRequirements).where(eq(serviceRequirements.serviceId, id));
      for (const { id: requirementId, ...requirement } of requirements) {
        const [copy] = await tx
          .insert(serviceRequirements)
          .values({ ...requirement, serviceId: row!.id })
          .returning({ id: serviceRequirements.id });
        const links = await tx.select().from(requirementForms).where(eq(requirementForms.requirementId, requirementId));
        const copies = links.flatMap((l) => (formIds.has(l.formId) ? [{ requirementId: copy!.id, formId: formIds.get(l.formId)! }] : []));
        if (copies.length > 0) await tx.insert(requirementForms).values(copies);
      }
    }

    await tx.insert(weeklySessions).values(
      [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
        HOURS.map((h, i) => ({ officeId, weekday, startsAt: `${h}:00`, endsAt: HOURS[i + 1] ? `${HOURS[i + 1]}:00` : "23:59", capacity })),
      ),
    );

    const counterRows = await tx
      .insert(counters)
      .values([1, 2].map((number) => ({ officeId, number, name: `Loket ${number}` })))
      .returning({ id: counters.id });
    await tx.insert(counterServices).values(counterRows.flatMap((c) => serviceIds.map((serviceId) => ({ counterId: c.id, serviceId }))));

    if (options.staff.length > 0) {
      await tx.insert(staffUsers).values(
        options.staff.map((s, i) => ({ officeId, email: s.email, name: s.name, role: s.role, passwordHash: passwordHashes[i]! })),
      );
    }
  });
}

