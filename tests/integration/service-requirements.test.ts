import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceRequirements } from "@/db/schema";
import { isChecklistComplete, tickedDocuments } from "@/lib/dal/public-service";
import { findServiceDTO } from "@/lib/dal/services";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, type TestOffice } from "../helpers/fixtures";

describe.each(DATABASE_KINDS)("requirement kinds on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db());
    await db()
      .insert(serviceRequirements)
      .values([
        { serviceId: t.ktp.id, position: 0, text: "Telah berusia 17 tahun atau lebih", textEn: "Aged 17 or over", kind: "condition" },
        { serviceId: t.ktp.id, position: 1, text: "Kartu keluarga asli", textEn: "Family card, original", copy: "original" },
        { serviceId: t.ktp.id, position: 2, text: "Fotokopi akta kelahiran", copy: "photocopy", copies: 2 },
        { serviceId: t.ktp.id, position: 3, text: "Apabila KK hilang, maka isi F-1.04", textEn: "If the family card is lost, fill in F-1.04", kind: "note" },
      ]);
  });
  afterAll(() => testDb.dispose());

  it("findServiceDTO gives each requirement its kind, and the copy to bring for documents", async () => {
    const service = (await findServiceDTO({ office: t.office, slug: "ktp" }, { locale: "en" }))!;
    expect(service.requirements.map((r) => [r.kind, r.copy, r.copies, r.text])).toEqual([
      ["condition", null, null, { text: "Aged 17 or over", lang: "en" }],
      ["document", "original", null, { text: "Family card, original", lang: "en" }],
      ["document", "photocopy", 2, { text: "Fotokopi akta kelahiran", lang: "id" }],
      ["note", null, null, { text: "If the family card is lost, fill in F-1.04", lang: "en" }],
    ]);
  });

  it("the checklist is complete when every document is ticked; conditions and notes are not asked for", async () => {
    const service = (await findServiceDTO({ office: t.office, slug: "ktp" }, { locale: "id" }))!;
    expect(isChecklistComplete(service, ["1", "2"])).toBe(true);
    expect(isChecklistComplete(service, ["0", "1", "2", "3"])).toBe(true);
    expect(isChecklistComplete(service, ["0", "1", "3"])).toBe(false);
    expect(isChecklistComplete(service, "2")).toBe(false);
    expect(isChecklistComplete(service, undefined)).toBe(false);
    // A service without documents (only conditions) needs no ticks.
    expect(isChecklistComplete({ ...service, requirements: service.requirements.filter((r) => r.kind !== "document") }, undefined)).toBe(true);
  });

  it("a checklist sent back keeps only the documents ticked, in order (no condition, note or junk)", async () => {
    const service = (await findServiceDTO({ office: t.office, slug: "ktp" }, { locale: "id" }))!;
    expect(tickedDocuments(service, ["2", "0", "x", "3", "2"])).toEqual(["2"]);
    expect(tickedDocuments(service, ["2", "1"])).toEqual(["1", "2"]);
    expect(tickedDocuments(service, "1")).toEqual(["1"]);
    expect(tickedDocuments(service, undefined)).toEqual([]);
  });

  it("the database refuses a copy on a condition or note, and an absurd number of copies", async () => {
    const insert = (values: Partial<typeof serviceRequirements.$inferInsert>) =>
      db()
        .insert(serviceRequirements)
        .values({ serviceId: t.kk.id, position: 9, text: "x", ...values });
    await expect(insert({ kind: "condition", copy: "original" })).rejects.toThrow();
    await expect(insert({ kind: "note", copies: 1 })).rejects.toThrow();
    await expect(insert({ copies: 0 })).rejects.toThrow();
    await expect(insert({ copy: "both", copies: 21 })).rejects.toThrow();
    expect((await findServiceDTO({ office: t.office, slug: "kk" }, { locale: "id" }))!.requirements).toEqual([]);
  });
});
