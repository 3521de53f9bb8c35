import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { forms, serviceRequirements, services } from "@/db/schema";
import { seedDatabase } from "@/db/seed/seed";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { NOW } from "../helpers/fixtures";

const BACKFILL = readFileSync("db/migrations/0003_backfill_catalogue_content.sql", "utf8").split("--> statement-breakpoint");

/** What the earlier seed wrote where the catalogue has changed since (typos, English names). */
const OLD_REQUIREMENTS: [now: string, old: string][] = [
  [
    "Fotokopi surat keterangan kelahiran dari fasilitas kesehatan/kelurahan/nakhoda kapal/kapten pesawat",
    "Fotokopi surat keterangan kelahiran dari fasilitas kesehatan/kelurahan/nahkoda kapal/kapten pesawat",
  ],
  [
    "Apabila persyaratan di atas tidak dimiliki, maka WNI mengisi Formulir F-1.04 Surat Pernyataan tidak memiliki dokumen kependudukan",
    "Apabila persyaratan diatas tidak dimiliki, maka WNI mengisi Formulir F-1.04 Surat Pernyataan tidak memiliki dokumen kependudukan",
  ],
];
const OLD_FORMS: [slug: string, column: "name" | "description" | "note", old: string][] = [
  ["formulir-f-1-01", "description", "Untuk pencatatan biodata keluarga yang digunakan untuk memasukan data kepala keluarga dan anggota keluarga"],
  ["formulir-f-1-03", "description", "Digunakan untuk kepindahahan pendudukan baik dalam wilayah NKRI maupun luar wilayah NKRI"],
  [
    "formulir-f-1-04",
    "note",
    "Untuk penduduk yang tidak dapat melampirkan fotokpi dokumen atau bukti peristiwa penting seperti paspor,surat keterangan lahir,ijazah pendidikan terakhir,buku nikah melampirkan F 1.04",
  ],
  ["formulir-f-1-06", "name", "(F1.06) SURAT PERNYATAAN PERUBAHAN ELEMENT DATA KEPENDUDUKAN"],
  [
    "formulir-f-2-03-kelahiran",
    "description",
    "Digunakan apabila pemohon dalam mengajukan pembuatan akta kelahiran tidak dapat menujukkan surat keterangan lahir baik dari rumah sakit ataupun kelurahan",
  ],
  ["formulir-f-2-03-kematian", "note", "Apabila yang meninggal dunia tidak ada NIK, KTP dan KK. Maka dapat menggunakan buku nikah atau pasport"],
  ["super-penyebab-terjadinya-terjadinya-hilang-atau-rusak-kartu-keluarga", "name", "SURAT PERNYATAAN PENYEBAB TERJADINYA TERJADINYA HILANG/RUSAK KARTU KELUARGA"],
];

describe.each(DATABASE_KINDS)("migration 0003 brings an earlier seeded catalogue up to date, on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  const snapshot = async () => ({
    services: await db().select({ slug: services.slug, nameEn: services.nameEn, categoryEn: services.categoryEn, note: services.eligibilityNoteEn }).from(services).orderBy(asc(services.slug)),
    requirements: await db()
      .select({ text: serviceRequirements.text, textEn: serviceRequirements.textEn, kind: serviceRequirements.kind, copy: serviceRequirements.copy })
      .from(serviceRequirements)
      .orderBy(asc(serviceRequirements.serviceId), asc(serviceRequirements.position)),
    forms: await db().select().from(forms).orderBy(asc(forms.slug)).then((rows) => rows.map(({ id: _id, officeId: _o, ...f }) => f)),
  });

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    await seedDatabase(db(), { now: NOW, withDemoStaff: false });
  });
  afterAll(() => testDb.dispose());

  it("restores kinds, copies, English and the fixed spelling from the old rows, and leaves edited rows alone", async () => {
    const seeded = await snapshot();
    // Turn the rows back into what the earlier seed wrote.
    await db().update(services).set({ categoryEn: null, eligibilityNoteEn: null });
    await db().update(services).set({ nameEn: null }).where(sql`${services.category} = 'Biodata'`);
    await db().update(services).set({ nameEn: "Moving within the city" }).where(eq(services.slug, "pindah-dalam-kota"));
    await db().update(serviceRequirements).set({ textEn: null, kind: "document", copy: null });
    for (const [now, old] of OLD_REQUIREMENTS) await db().update(serviceRequirements).set({ text: old }).where(eq(serviceRequirements.text, now));
    await db().update(forms).set({ nameEn: null, descriptionEn: null, noteEn: null });
    for (const [slug, column, old] of OLD_FORMS) await db().update(forms).set({ [column]: old }).where(eq(forms.slug, slug));
    // An office that has already written its own English for one requirement keeps it.
    await db().update(serviceRequirements).set({ textEn: "Our own wording" }).where(eq(serviceRequirements.text, "Akta kelahiran"));
    expect((await snapshot()).requirements.filter((r) => r.kind !== "document")).toEqual([]);

    for (const statement of BACKFILL) await db().execute(sql.raw(statement));

    const after = await snapshot();
    expect(after.services).toEqual(seeded.services);
    expect(after.forms).toEqual(seeded.forms);
    const own = after.requirements.find((r) => r.text === "Akta kelahiran")!;
    expect(own).toEqual({ text: "Akta kelahiran", textEn: "Our own wording", kind: "document", copy: null });
    expect(after.requirements.filter((r) => r.text !== "Akta kelahiran")).toEqual(seeded.requirements.filter((r) => r.text !== "Akta kelahiran"));
  });
});
