import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { GET as formFileGet } from "@/app/api/v1/forms/[office]/[file]/route";
import { auditLogs, forms, offices, requirementForms, serviceRequirements } from "@/db/schema";
import { createForm, deleteForm, listForms, removeFormFile, setFormFile, updateForm } from "@/lib/dal/admin-forms";
import { listServices } from "@/lib/dal/services";
import { createTranslator } from "@/lib/i18n/translate";
import { parseFormFile } from "@/lib/validation/form-file";
import { parseInput } from "@/lib/validation/parse";
import { CreateFormLinkSchema, FormLinkSchema } from "@/lib/validation/services";
import { apiGet, read } from "../helpers/api";
import { appErrorOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

/** A small but real PDF (one empty page). */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const pdfFile = (bytes: Buffer = PDF, name = "F-1.01 Biodata Penduduk.pdf", type = "application/pdf") => new File([new Uint8Array(bytes)], name, { type });
const params = (office: string, file: string) => ({ params: Promise.resolve({ office, file }) });

describe.each(DATABASE_KINDS)("form PDFs uploaded by the office on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  async function setup() {
    const t = await createTestOffice(db());
    const staff = async (role: "operator" | "supervisor" | "admin") => actorOf(await createTestStaff(db(), t.office.id, { role }));
    const [requirement] = await db().insert(serviceRequirements).values({ serviceId: t.ktp.id, position: 0, text: "Formulir biodata" }).returning();
    return { t, admin: await staff("admin"), staff, requirementId: requirement!.id };
  }
  const link = async (officeId: string, requirementId: string, slug: string) => {
    const [form] = await db().select({ id: forms.id }).from(forms).where(and(eq(forms.officeId, officeId), eq(forms.slug, slug)));
    await db().insert(requirementForms).values({ requirementId, formId: form!.id });
  };
  const checklistUrl = async (t: Awaited<ReturnType<typeof setup>>["t"]) => (await listServices({ office: t.office }, { locale: "id" }))[0]!.requirements[0]!.forms[0]!.url;
  const audit = (officeId: string) => db().select().from(auditLogs).where(eq(auditLogs.officeId, officeId));

  it("an uploaded PDF is linked from the checklist and served inline at a stable address with its headers", async () => {
    const { t, admin, requirementId } = await setup();
    const input = parseInput(CreateFormLinkSchema, { slug: "f-1-01", name: "Formulir F-1.01", url: "" });
    await createForm(admin, { ...input, file: await parseFormFile(pdfFile(), input.slug) });
    await link(t.office.id, requirementId, "f-1-01");
    const path = `/api/v1/forms/${t.office.slug}/f-1-01.pdf`;
    expect(await checklistUrl(t)).toBe(path);
    expect((await listForms(admin, { officeId: t.office.id }))[0]).toMatchObject({ slug: "f-1-01", url: null, file: { name: "F-1.01-Biodata-Penduduk.pdf", size: PDF.length } });

    const response = await formFileGet(apiGet(path), params(t.office.slug, "f-1-01.pdf"));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="F-1.01-Biodata-Penduduk.pdf"');
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await formFileGet(apiGet(path, { headers: { "if-none-match": etag } }), params(t.office.slug, "f-1-01.pdf"));
    expect(again.status).toBe(304);

    // Replaced: the same address serves the new bytes under a new ETag; audited before/after (no bytes).
    const replacement = Buffer.concat([PDF, Buffer.from("% second version\n")]);
    await setFormFile(admin, { slug: "f-1-01", file: await parseFormFile(pdfFile(replacement, "baru.pdf"), "f-1-01") });
    expect(await checklistUrl(t)).toBe(path);
    const replaced = await formFileGet(apiGet(path, { headers: { "if-none-match": etag } }), params(t.office.slug, "f-1-01.pdf"));
    expect(replaced.status).toBe(200);
    expect(Buffer.from(await replaced.arrayBuffer()).equals(replacement)).toBe(true);
    expect(replaced.headers.get("etag")).not.toBe(etag);
    const rows = await audit(t.office.id);
    expect(rows.map((r) => r.action).sort()).toEqual(["form.create", "form.file_replace"]);
    const replace = rows.find((r) => r.action === "form.file_replace")!;
    expect(replace.details).toMatchObject({ slug: "f-1-01", before: { fileName: "F-1.01-Biodata-Penduduk.pdf", size: PDF.length }, after: { fileName: "baru.pdf", size: replacement.length } });
    expect(JSON.stringify(replace.details)).not.toContain("%PDF");
  });

  it("refuses a file that is not a PDF by its bytes, one over 2 MB, or none, with 422 in the reader's language; nothing written", async () => {
    const { t, admin } = await setup();
    await createForm(admin, parseInput(CreateFormLinkSchema, { slug: "f", name: "F", url: "https://example.org/f.pdf" }));
    const before = await db().select().from(forms).where(eq(forms.officeId, t.office.id));
    const auditBefore = (await audit(t.office.id)).length;
    // Declared as a PDF, named .pdf, but HTML inside: the magic bytes decide.
    const fake = await appErrorOf(parseFormFile(pdfFile(Buffer.from("<html><script>alert(1)</script>"), "f.pdf"), "f"));
    expect(fake).toMatchObject({ status: 422, fields: { file: ["field.file.notPdf"] } });
    const big = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await appErrorOf(parseFormFile(pdfFile(big), "f"));
    expect(tooBig).toMatchObject({ status: 422, fields: { file: ["field.file.tooLarge"] } });
    expect(await appErrorOf(parseFormFile(undefined, "f"))).toMatchObject({ status: 422, fields: { file: ["field.file.required"] } });
    expect(createTranslator("id")("field.file.tooLarge", tooBig.params)).toBe("Berkas terlalu besar: paling besar 2 MB.");
    expect(createTranslator("en")("field.file.notPdf", fake.params)).toBe("This file is not a PDF. Upload a PDF file.");
    // The database refuses what slips past the check (not a PDF; over the size) as a 422.
    const slipped = await appErrorOf(setFormFile(admin, { slug: "f", file: { bytes: Buffer.from("GIF89a-not-a-pdf"), fileName: "x.pdf" } }));
    expect(slipped.status).toBe(422);
    expect((await appErrorOf(setFormFile(admin, { slug: "f", file: { bytes: big, fileName: "x.pdf" } }))).status).toBe(422);
    expect(await db().select().from(forms).where(eq(forms.officeId, t.office.id))).toEqual(before);
    expect((await audit(t.office.id)).length).toBe(auditBefore);
  });

  it("a form needs a link or a PDF: deleting the only PDF or emptying the only link is a 422; delete the form instead", async () => {
    const { t, admin, requirementId } = await setup();
    await expect(createForm(admin, parseInput(CreateFormLinkSchema, { slug: "kosong", name: "Kosong", url: "" }))).rejects.toMatchObject({
      status: 422,
      fields: { url: ["field.form.linkOrFile"] },
    });
    await createForm(admin, { ...parseInput(CreateFormLinkSchema, { slug: "f", name: "F", url: "" }), file: await parseFormFile(pdfFile(), "f") });
    await link(t.office.id, requirementId, "f");
    expect(await appErrorOf(removeFormFile(admin, { slug: "f" }))).toMatchObject({ status: 422, fields: { url: ["field.form.linkOrFile"] } });
    // With a link as well, the PDF may go: the checklist links the link again and the PDF's address is a 404.
    await updateForm(admin, { ...parseInput(FormLinkSchema, { name: "F", url: "https://example.org/f.pdf" }), slug: "f" });
    await removeFormFile(admin, { slug: "f" });
    expect(await checklistUrl(t)).toBe("https://example.org/f.pdf");
    const gone = await read(formFileGet(apiGet(`/api/v1/forms/${t.office.slug}/f.pdf`), params(t.office.slug, "f.pdf")));
    expect(gone.status).toBe(404);
    expect(await appErrorOf(updateForm(admin, { ...parseInput(FormLinkSchema, { name: "F", url: "" }), slug: "f" }))).toMatchObject({ status: 422 });
    await deleteForm(admin, { slug: "f" });
    expect(await db().$count(forms, eq(forms.officeId, t.office.id))).toBe(0);
    expect((await listServices({ office: t.office }, { locale: "id" }))[0]!.requirements[0]!.forms).toEqual([]);
    expect((await audit(t.office.id)).map((r) => r.action).sort()).toEqual(["form.create", "form.delete", "form.file_delete", "form.update"]);
  });

  it("operators and supervisors are refused every change (403), admins of another office too; nothing is written", async () => {
    const { t, admin, staff } = await setup();
    await createForm(admin, { ...parseInput(CreateFormLinkSchema, { slug: "f", name: "F", url: "" }), file: await parseFormFile(pdfFile(), "f") });
    const other = await createTestOffice(db());
    const outsider = actorOf(await createTestStaff(db(), other.office.id, { role: "admin" }));
    const before = await db().select().from(forms).where(eq(forms.officeId, t.office.id));
    const auditBefore = (await audit(t.office.id)).length;
    const file = await parseFormFile(pdfFile(), "g");
    for (const actor of [await staff("operator"), await staff("supervisor"), outsider]) {
      expect((await appErrorOf(createForm(actor, { ...parseInput(CreateFormLinkSchema, { slug: "g", name: "G", url: "" }), file, officeId: t.office.id }))).status).toBe(403);
      expect((await appErrorOf(setFormFile(actor, { slug: "f", file, officeId: t.office.id }))).status).toBe(403);
      expect((await appErrorOf(removeFormFile(actor, { slug: "f", officeId: t.office.id }))).status).toBe(403);
      expect((await appErrorOf(deleteForm(actor, { slug: "f", officeId: t.office.id }))).status).toBe(403);
    }
    expect(await db().select().from(forms).where(eq(forms.officeId, t.office.id))).toEqual(before);
    expect((await audit(t.office.id)).length).toBe(auditBefore);
  });

  it("a hidden place's PDF, an unknown form and a bad address all answer 404", async () => {
    const { t, admin } = await setup();
    await createForm(admin, { ...parseInput(CreateFormLinkSchema, { slug: "f", name: "F", url: "" }), file: await parseFormFile(pdfFile(), "f") });
    const get = (office: string, file: string) => formFileGet(apiGet(`/api/v1/forms/${office}/${file}`), params(office, file));
    expect((await get(t.office.slug, "f.pdf")).status).toBe(200);
    expect((await get(t.office.slug, "g.pdf")).status).toBe(404);
    expect((await get(t.office.slug, "f")).status).toBe(404);
    expect((await get("../etc", "f.pdf")).status).toBe(404);
    await db().update(offices).set({ isPublic: false }).where(eq(offices.id, t.office.id));
    expect((await get(t.office.slug, "f.pdf")).status).toBe(404);
  });
});
