import type { Executor } from "../client";
import { dateOverrides, offices, weeklySessions } from "../schema";
import { copyCatalogue } from "./copy-catalogue";
import { addCounters, addRoundTheClockSessions, addStaff, ROUND_THE_CLOCK } from "./office-rows";
import { TRAINING_STAFF } from "./demo-staff";

export const TRAINING_OFFICE_SLUG = "latihan";

const osm = (query: string) => `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;

type ServicePoint = {
  slug: string;
  name: string;
  shortName: string;
  address: string;
  mapUrl: string;
  categories?: string[];
  hours: string[];
  sessionCapacity: number;
  dailyCap: number;
  counters: number;
};

/** A kecamatan's adminduk desk in the demo: the everyday documents only, mornings, one counter. */
function kecamatan(district: string, street: string): ServicePoint {
  return {
    slug: `kec-${district.toLowerCase().replace(/ /g, "-")}`,
    name: `Layanan Adminduk Kecamatan ${district}`,
    shortName: `Kec. ${district}`,
    address: `Kantor Kecamatan ${district}, ${street}, Kota Bogor (alamat contoh)`,
    mapUrl: osm(`Kantor Kecamatan ${district}, Kota Bogor`),
    categories: ["KTP-el", "KIA", "Kartu Keluarga"],
    hours: ["08:00", "09:00", "10:00", "11:00"],
    sessionCapacity: 8,
    dailyCap: 30,
    counters: 1,
  };
}

/**
 * EXAMPLE service points of the demo: plausible places of Kota Bogor (the Mal Pelayanan Publik and two of
 * the six kecamatan), with addresses to be checked by the office before going live. The map links search
 * OpenStreetMap by name rather than pin coordinates nobody verified.
 */
export const EXAMPLE_SERVICE_POINTS: readonly ServicePoint[] = [
  {
    slug: "mpp-kota-bogor",
    name: "Gerai Disdukcapil — Mal Pelayanan Publik Kota Bogor",
    shortName: "MPP Kota Bogor",
    address: "Mal Pelayanan Publik Kota Bogor, Jl. Ir. H. Juanda No. 10, Kota Bogor (alamat contoh)",
    mapUrl: osm("Mal Pelayanan Publik Kota Bogor"),
    hours: ["08:00", "09:00", "10:00", "11:00", "13:00", "14:00"],
    sessionCapacity: 15,
    dailyCap: 80,
    counters: 2,
  },
  kecamatan("Bogor Tengah", "Jl. Kapten Muslihat"),
  kecamatan("Bogor Barat", "Jl. Raya Sindang Barang"),
];

type MainOffice = { id: string; timezone: string; regionCode: string };
type Holiday = { date: string; nameId: string; nameEn: string };

/**
 * The demo's other places under the main office: the example service points (public, each with its own
 * schedule, caps and counters, closed on national holidays) and the training place (hidden from citizens,
 * open every day round the clock, never in reports), with the training logins when demo staff are wanted.
 */
export async function seedPlaces(tx: Executor, main: MainOffice, options: { holidays: Holiday[]; withDemoStaff: boolean }): Promise<void> {
  for (const [i, point] of EXAMPLE_SERVICE_POINTS.entries()) {
    const officeId = await insertPlace(tx, main, {
      slug: point.slug,
      name: point.name,
      shortName: point.shortName,
      address: point.address,
      mapUrl: point.mapUrl,
      dailyCap: point.dailyCap,
      placePosition: i + 1,
    });
    const byLetter = await copyCatalogue(tx, main.id, officeId, point.categories);
    await tx.insert(weeklySessions).values(
      [1, 2, 3, 4, 5].flatMap((weekday) => point.hours.map((start) => ({ officeId, weekday, startsAt: start, endsAt: plusHour(start), capacity: point.sessionCapacity }))),
    );
    if (options.holidays.length > 0) {
      await tx.insert(dateOverrides).values(options.holidays.map((h) => ({ officeId, date: h.date, kind: "closed" as const, reason: h.nameId, reasonEn: h.nameEn, isHoliday: true })));
    }
    await addCounters(tx, officeId, point.counters, [...byLetter.values()].flat());
  }

  const trainingId = await insertPlace(tx, main, {
    slug: TRAINING_OFFICE_SLUG,
    name: "Latihan / Training — tempat latihan, bukan kantor sungguhan",
    shortName: "Latihan / Training",
    address: "Tempat latihan untuk petugas: tidak melayani warga",
    mapUrl: null,
    dailyCap: 50 * ROUND_THE_CLOCK.length,
    placePosition: 99,
    isPublic: false,
    isTraining: true,
    openWeekdays: [1, 2, 3, 4, 5, 6, 7],
    observesNationalHolidays: false,
    bookingCutoffDaysBefore: 0,
  });
  const trainingServices = await copyCatalogue(tx, main.id, trainingId);
  await addRoundTheClockSessions(tx, trainingId, 50);
  await addCounters(tx, trainingId, 2, [...trainingServices.values()].flat());
  if (options.withDemoStaff) await addStaff(tx, trainingId, TRAINING_STAFF);
}

async function insertPlace(tx: Executor, main: MainOffice, values: Partial<typeof offices.$inferInsert> & { slug: string; name: string; shortName: string }): Promise<string> {
  const [row] = await tx
    .insert(offices)
    .values({ timezone: main.timezone, regionCode: main.regionCode, parentId: main.id, walkInReservePercent: 20, ...values })
    .returning({ id: offices.id });
  return row!.id;
}

function plusHour(time: string): string {
  return `${String(Number(time.slice(0, 2)) + 1).padStart(2, "0")}:${time.slice(3, 5)}`;
}
