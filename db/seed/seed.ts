import { eq } from "drizzle-orm";
import type { Database } from "../client";
import {
  counterServices,
  counters,
  dateOverrides,
  forms,
  offices,
  requirementForms,
  serviceRequirements,
  services,
  weeklySessions,
} from "../schema";
import { nationalHolidays } from "../../lib/holidays";
import { DOCUMENT_COPIES, REQUIREMENT_KINDS, classifyRequirement } from "../../lib/requirements";
import catalogue from "./data/kota-bogor-services.json";
import { DEMO_STAFF } from "./demo-staff";
import { addStaff } from "./office-rows";
import { seedPlaces } from "./places";

export const DEMO_OFFICE_SLUG = "kota-bogor";

// In a module of its own so the browser tests can import the logins without the seed's JSON catalogue.
export { DEMO_STAFF } from "./demo-staff";

/** Queue letter per category: one letter per line of people waiting for the same kind of desk. */
const LETTER_BY_CATEGORY: Record<string, string> = {
  "KTP-el": "A",
  KIA: "B",
  "Kartu Keluarga": "C",
  Akta: "D",
  "Pindah/Datang": "E",
  Biodata: "F",
};

const COUNTER_LETTERS: { number: number; letters: string[] }[] = [
  { number: 1, letters: ["A", "B"] },
  { number: 2, letters: ["C"] },
  { number: 3, letters: ["D"] },
  { number: 4, letters: ["E", "F"] },
  { number: 5, letters: ["A", "B", "C", "D", "E", "F"] },
];

const HOURLY = ["08:00", "09:00", "10:00", "11:00", "12:00", "13:00"];
/** Friday: no sessions over the midday prayer (11:00–13:00). */
const FRIDAY = ["08:00", "09:00", "10:00", "13:00"];
const SATURDAY = ["08:00", "09:00", "10:00", "11:00"];
const SESSION_CAPACITY = 42;
const SATURDAY_CAPACITY = 25;
const SATURDAY_DAILY_CAP = 100;

/**
 * Seeds the Kota Bogor office once: services with requirements and forms, the weekly schedule, national
 * holidays of this year and the next, counters, and one demo account per role; then its example service
 * points and the training place (db/seed/places.ts). Does nothing if the office
 * already exists.
 */
export async function seedDatabase(db: Database, { now, withDemoStaff = true }: { now: Date; withDemoStaff?: boolean }) {
  const existing = await db.select({ id: offices.id }).from(offices).where(eq(offices.slug, DEMO_OFFICE_SLUG));
  if (existing.length > 0) return { created: false as const };

  await db.transaction(async (tx) => {
    const [office] = await tx
      .insert(offices)
      .values({
        slug: DEMO_OFFICE_SLUG,
        name: catalogue.office.name,
        shortName: catalogue.office.shortName,
        timezone: catalogue.office.timezone,
        regionCode: catalogue.office.regionCode,
        address: "Jl. Ir. H. Juanda No. 10, Kota Bogor",
        mapUrl: "https://www.openstreetmap.org/search?query=Disdukcapil%20Kota%20Bogor",
        website: catalogue.office.website,
        dailyCap: 250,
      })
      .returning({ id: offices.id, timezone: offices.timezone, regionCode: offices.regionCode });
    const officeId = office!.id;

    const formRows = await tx
      .insert(forms)
      .values(
        catalogue.forms.map((f) => ({
          officeId,
          slug: f.id,
          name: f.name,
          nameEn: f.nameEn,
          description: f.description,
          descriptionEn: f.descriptionEn,
          note: f.note,
          noteEn: f.noteEn,
          url: f.url,
        })),
      )
      .returning({ id: forms.id, slug: forms.slug });
    const formIdBySlug = new Map(formRows.map((f) => [f.slug, f.id]));

    const serviceIdByLetter = new Map<string, string[]>();
    for (const [position, s] of catalogue.services.entries()) {
      const letter = LETTER_BY_CATEGORY[s.category] ?? "G";
      const eligibility = (s as { eligibility?: { minAge?: number; maxAge?: number; note?: string; noteEn?: string } }).eligibility;
      const [service] = await tx
        .insert(services)
        .values({
          officeId,
          slug: s.id,
          category: s.category,
          categoryEn: s.categoryEn,
          name: s.name,
          nameEn: s.nameEn,
          minAge: eligibility?.minAge ?? null,
          maxAge: eligibility?.maxAge ?? null,
          eligibilityNote: eligibility?.note ?? null,
          eligibilityNoteEn: eligibility?.noteEn ?? null,
          queueLetter: letter,
          position,
        })
        .returning({ id: services.id });
      serviceIdByLetter.set(letter, [...(serviceIdByLetter.get(letter) ?? []), service!.id]);

      for (const [index, requirement] of s.requirements.entries()) {
        const [row] = await tx
          .insert(serviceRequirements)
          .values({ serviceId: service!.id, position: index, ...requirementRow(requirement) })
          .returning({ id: serviceRequirements.id });
        const formSlugs = (requirement as { forms?: string[] }).forms ?? [];
        const links = formSlugs.flatMap((slug) => {
          const formId = formIdBySlug.get(slug);
          return formId ? [{ requirementId: row!.id, formId }] : [];
        });
        if (links.length > 0) await tx.insert(requirementForms).values(links);
      }
    }

    const sessions = [1, 2, 3, 4, 5].flatMap((weekday) =>
      (weekday === 5 ? FRIDAY : HOURLY).map((start) => ({ officeId, weekday, startsAt: start, endsAt: plusHour(start), capacity: SESSION_CAPACITY })),
    );
    sessions.push(...SATURDAY.map((start) => ({ officeId, weekday: 6, startsAt: start, endsAt: plusHour(start), capacity: SATURDAY_CAPACITY })));
    await tx.insert(weeklySessions).values(sessions);

    const year = now.getUTCFullYear();
    const holidays = nationalHolidays([year, year + 1]);
    const holidayDates = new Set(holidays.map((h) => h.date));
    const saturdays = saturdaysOf([year, year + 1]).filter((date) => !holidayDates.has(date));
    await tx.insert(dateOverrides).values([
      ...holidays.map((h) => ({ officeId, date: h.date, kind: "closed" as const, reason: h.nameId, reasonEn: h.nameEn, isHoliday: true })),
      ...saturdays.map((date) => ({ officeId, date, kind: "open" as const, reason: "Layanan Sabtu", reasonEn: "Saturday service", dailyCap: SATURDAY_DAILY_CAP })),
    ]);

    for (const c of COUNTER_LETTERS) {
      const [counter] = await tx.insert(counters).values({ officeId, number: c.number, name: `Loket ${c.number}` }).returning({ id: counters.id });
      const serviceIds = c.letters.flatMap((l) => serviceIdByLetter.get(l) ?? []);
      if (serviceIds.length > 0) await tx.insert(counterServices).values(serviceIds.map((serviceId) => ({ counterId: counter!.id, serviceId })));
    }

    await seedPlaces(tx, office!, { holidays, withDemoStaff });

    if (withDemoStaff) await addStaff(tx, officeId, DEMO_STAFF);
  });
  return { created: true as const };
}

type CatalogueRequirement = { text: string; textEn?: string; kind?: string; copy?: string; copies?: number };

/** The catalogue's hand classification; a requirement without one gets the classifier's guess. */
function requirementRow(requirement: CatalogueRequirement) {
  const guess = classifyRequirement(requirement.text);
  const kind = REQUIREMENT_KINDS.find((k) => k === requirement.kind) ?? guess.kind;
  const isDocument = kind === "document";
  return {
    text: requirement.text,
    textEn: requirement.textEn ?? null,
    kind,
    copy: isDocument ? (DOCUMENT_COPIES.find((c) => c === requirement.copy) ?? (requirement.kind ? null : guess.copy)) : null,
    copies: isDocument ? (requirement.copies ?? (requirement.kind ? null : guess.copies)) : null,
  };
}

function saturdaysOf(years: number[]): string[] {
  const out: string[] = [];
  for (const year of years) {
    const d = new Date(Date.UTC(year, 0, 1));
    while (d.getUTCDay() !== 6) d.setUTCDate(d.getUTCDate() + 1);
    for (; d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 7)) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

function plusHour(time: string): string {
  const hour = Number(time.slice(0, 2)) + 1;
  return `${String(hour).padStart(2, "0")}:${time.slice(3, 5)}`;
}
