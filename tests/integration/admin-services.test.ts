import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, forms, serviceRequirements, services } from "@/db/schema";
import { createForm, listForms, updateForm } from "@/lib/dal/admin-forms";
import { createService, getAdminService, listAdminServices, replaceRequirements, setServiceActive, updateService } from "@/lib/dal/admin-services";
import { findServiceDTO, listServices, requireService } from "@/lib/dal/services";
import { CreateServiceSchema, CreateFormLinkSchema, parseRequirementRows, ServiceSchema } from "@/lib/validation/services";
import { parseInput } from "@/lib/validation/parse";
import { appErrorOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const NEW_SERVICE = { slug: "akta-lahir", name: "Akta Kelahiran", nameEn: "Birth certificate", category: "Akta", categoryEn: "Certificates", queueLetter: "d", minAge: "", maxAge: "", eligibilityNote: "", eligibilityNoteEn: "", dailyCap: "25", position: "5" };

describe.each(DATABASE_KINDS)("services, requirements and forms for admins on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  async function setup() {
    const t = await createTestOffice(db());
    const staff = async (role: "operator" | "supervisor" | "admin") => actorOf(await createTestStaff(db(), t.office.id, { role }));
    return { t, admin: await staff("admin"), staff };
  }
  const auditCount = (officeId: string, action: string) => db().$count(auditLogs, and(eq(auditLogs.officeId, officeId), eq(auditLogs.action, action)));

  it("an admin creates a service; citizens see it at once in the office's order, in both languages", async () => {
    const { t, admin } = await setup();
    expect(await createService(admin, parseInput(CreateServiceSchema, NEW_SERVICE))).toEqual({ slug: "akta-lahir" });
    const list = await listServices({ office: t.office }, { locale: "en" });
    expect(list.map((s) => s.slug)).toEqual(["ktp", "kia", "kk", "akta-lahir"]);
    expect(list[3]).toMatchObject({ name: { text: "Birth certificate", lang: "en" }, category: { text: "Certificates" }, queueLetter: "D" });
    expect(await auditCount(t.office.id, "service.create")).toBe(1);
    // Order on the home page: position 0 puts it first.
    await updateService(admin, { ...parseInput(ServiceSchema, { ...NEW_SERVICE, position: "0", name: "Akta Kelahiran Baru" }), slug: "akta-lahir" });
    expect((await listServices({ office: t.office }, { locale: "id" }))[0]).toMatchObject({ slug: "akta-lahir", name: { text: "Akta Kelahiran Baru" } });
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "service.update")));
    expect(audit!.details).toEqual({ slug: "akta-lahir", before: { name: "Akta Kelahiran", position: 5 }, after: { name: "Akta Kelahiran Baru", position: 0 } });
  });

  it("a queue letter of another category is a 409 naming the field; a taken slug is a 409; nothing is written", async () => {
    const { t, admin } = await setup();
    const clash = await appErrorOf(createService(admin, parseInput(CreateServiceSchema, { ...NEW_SERVICE, queueLetter: "A" })));
    expect(clash).toMatchObject({ status: 409, fields: { queueLetter: ["field.service.letterTaken"] }, params: { category: "KTP-el" } });
    // The same category may share its letter (the office's tickets are per category).
    await createService(admin, parseInput(CreateServiceSchema, { ...NEW_SERVICE, slug: "ktp-ganti", category: "KTP-el", queueLetter: "A" }));
    const taken = await appErrorOf(createService(admin, parseInput(CreateServiceSchema, { ...NEW_SERVICE, slug: "ktp" })));
    expect(taken).toMatchObject({ status: 409, fields: { slug: ["field.service.slugTaken"] } });
    const moved = await appErrorOf(updateService(admin, { ...parseInput(ServiceSchema, { ...NEW_SERVICE, category: "KK", queueLetter: "B" }), slug: "kk" }));
    expect(moved.status).toBe(409);
    expect((await db().select().from(services).where(eq(services.id, t.kk.id)))[0]!.queueLetter).toBe("C");
    expect(await db().$count(services, eq(services.officeId, t.office.id))).toBe(4);
  });

  it("bad input names each field (422): letter, ages out of order, oversized, hostile text kept as text", async () => {
    const { t, admin } = await setup();
    const error = await appErrorOf(
      Promise.resolve().then(() => parseInput(CreateServiceSchema, { ...NEW_SERVICE, slug: "Bad Slug!", queueLetter: "AB", minAge: "30", maxAge: "17", name: "x".repeat(201), dailyCap: "-3", position: "abc" })),
    );
    expect(error.status).toBe(422);
    expect(error.fields).toMatchObject({ slug: ["field.service.slug"], queueLetter: ["field.service.letter"], name: ["field.tooLong"], dailyCap: ["field.number.range"] });
    expect(error.fields!.position).toBeDefined();
    const ages = await appErrorOf(Promise.resolve().then(() => parseInput(ServiceSchema, { ...NEW_SERVICE, minAge: "30", maxAge: "17" })));
    expect(ages.fields).toEqual({ maxAge: ["field.service.ageOrder"] });
    // Past the schema, the database's CHECK refuses (422) and nothing is written.
    const refused = await appErrorOf(updateService(admin, { ...parseInput(ServiceSchema, NEW_SERVICE), category: "KK", queueLetter: "C", minAge: 50, maxAge: 10, slug: "kk" }));
    expect(refused.status).toBe(422);
    const xss = `<img src=x onerror=alert(1)>`;
    await createService(admin, parseInput(CreateServiceSchema, { ...NEW_SERVICE, name: xss }));
    expect((await findServiceDTO({ office: t.office, slug: "akta-lahir" }, { locale: "id" }))!.name.text).toBe(xss);
  });

  it("requirements with their kind, copies, order and form; a row left empty is removed; audited before/after", async () => {
    const { t, admin } = await setup();
    await createForm(admin, parseInput(CreateFormLinkSchema, { slug: "f-1-01", name: "Formulir F-1.01", url: "https://example.go.id/f101.pdf" }));
    const [form] = await listForms(admin, { officeId: t.office.id });
    const { rows, fields } = parseRequirementRows({
      "r0.text": "Fotokopi KK",
      "r0.kind": "document",
      "r0.copy": "photocopy",
      "r0.copies": "2",
      "r0.position": "2",
      "r1.text": "Berusia 17 tahun",
      "r1.kind": "condition",
      "r1.position": "1",
      "r2.text": "Apabila hilang, isi formulir F-1.01",
      "r2.kind": "note",
      "r2.position": "3",
      "r2.form": form!.id,
      "r3.text": "   ",
      "r3.kind": "document",
    });
    expect(fields).toEqual({});
    await replaceRequirements(admin, { slug: "ktp", requirements: rows });
    const dto = (await findServiceDTO({ office: t.office, slug: "ktp" }, { locale: "id" }))!;
    expect(dto.requirements.map((r) => [r.kind, r.text.text, r.copy, r.copies, r.forms.map((f) => f.slug)])).toEqual([
      ["condition", "Berusia 17 tahun", null, null, []],
      ["document", "Fotokopi KK", "photocopy", 2, []],
      ["note", "Apabila hilang, isi formulir F-1.01", null, null, ["f-1-01"]],
    ]);
    expect((await getAdminService(admin, { officeId: t.office.id, slug: "ktp" })).requirements[2]).toMatchObject({ formId: form!.id });
    // Copies on a condition, an unknown kind, an oversized text: each row's field is named.
    const bad = parseRequirementRows({ "r0.text": "Kawin", "r0.kind": "condition", "r0.copies": "2", "r1.text": "x", "r1.kind": "spell", "r2.text": "y".repeat(501), "r2.kind": "note" });
    expect(bad.fields).toEqual({ "r0.copy": ["field.requirement.copyOnlyDocument"], "r1.kind": ["field.invalid"], "r2.text": ["field.tooLong"] });
    // A form of another office is refused; nothing changes.
    const other = await setup();
    await createForm(other.admin, parseInput(CreateFormLinkSchema, { slug: "lain", name: "Lain", url: "https://example.org/x.pdf" }));
    const [foreign] = await listForms(other.admin, { officeId: other.t.office.id });
    const refused = await appErrorOf(replaceRequirements(admin, { slug: "ktp", requirements: [{ ...rows[0]!, form: foreign!.id }] }));
    expect(refused).toMatchObject({ status: 422, fields: { "r0.form": ["field.form.unknown"] } });
    expect(await db().$count(serviceRequirements, eq(serviceRequirements.serviceId, t.ktp.id))).toBe(3);
    expect(await auditCount(t.office.id, "service.requirements_update")).toBe(1);
  });

  it("deactivating hides a service from citizens and new bookings; reactivating brings it back", async () => {
    const { t, admin } = await setup();
    await setServiceActive(admin, { slug: "kk", active: false });
    expect((await listServices({ office: t.office }, { locale: "id" })).map((s) => s.slug)).toEqual(["ktp", "kia"]);
    expect(await findServiceDTO({ office: t.office, slug: "kk" }, { locale: "id" })).toBeNull();
    expect((await appErrorOf(requireService(t.office, "kk"))).status).toBe(422);
    expect((await listAdminServices(admin, { officeId: t.office.id })).find((s) => s.slug === "kk")).toMatchObject({ isActive: false });
    await setServiceActive(admin, { slug: "kk", active: true });
    expect((await listServices({ office: t.office }, { locale: "id" })).map((s) => s.slug)).toEqual(["ktp", "kia", "kk"]);
    expect(await auditCount(t.office.id, "service.deactivate")).toBe(1);
    expect(await auditCount(t.office.id, "service.activate")).toBe(1);
  });

  it("forms: a link must be http(s); updates audited; another office's slug is a 404", async () => {
    const { t, admin } = await setup();
    const bad = await appErrorOf(Promise.resolve().then(() => parseInput(CreateFormLinkSchema, { slug: "f", name: "F", url: "javascript:alert(1)" })));
    expect(bad.fields).toEqual({ url: ["field.url.invalid"] });
    await createForm(admin, parseInput(CreateFormLinkSchema, { slug: "f", name: "F", url: "https://a.example/f.pdf" }));
    expect((await appErrorOf(createForm(admin, parseInput(CreateFormLinkSchema, { slug: "f", name: "F2", url: "https://a.example/f.pdf" })))).status).toBe(409);
    await updateForm(admin, { name: "F", nameEn: "Form F", description: null, descriptionEn: null, url: "https://a.example/g.pdf", slug: "f" });
    expect((await db().select().from(forms).where(eq(forms.officeId, t.office.id)))[0]).toMatchObject({ nameEn: "Form F", url: "https://a.example/g.pdf" });
    const other = await setup();
    expect((await appErrorOf(updateForm(other.admin, { name: "X", nameEn: null, description: null, descriptionEn: null, url: "https://x.example", slug: "f" }))).status).toBe(404);
    expect(await auditCount(t.office.id, "form.update")).toBe(1);
  });

  it("operators, supervisors and another office's admin are refused everywhere (403) and nothing changes", async () => {
    const { t, staff } = await setup();
    const other = await setup();
    const input = parseInput(CreateServiceSchema, NEW_SERVICE);
    for (const actor of [await staff("operator"), await staff("supervisor"), other.admin]) {
      for (const call of [
        listAdminServices(actor, { officeId: t.office.id }),
        getAdminService(actor, { officeId: t.office.id, slug: "ktp" }),
        createService(actor, { ...input, officeId: t.office.id }),
        updateService(actor, { ...input, slug: "ktp", officeId: t.office.id }),
        setServiceActive(actor, { slug: "ktp", active: false, officeId: t.office.id }),
        replaceRequirements(actor, { slug: "ktp", requirements: [], officeId: t.office.id }),
        listForms(actor, { officeId: t.office.id }),
        createForm(actor, { slug: "x", name: "X", nameEn: null, description: null, descriptionEn: null, url: "https://x.example", officeId: t.office.id }),
        updateForm(actor, { name: "X", nameEn: null, description: null, descriptionEn: null, url: "https://x.example", slug: "x", officeId: t.office.id }),
      ]) {
        expect((await appErrorOf(call)).status).toBe(403);
      }
    }
    expect(await db().$count(services, eq(services.officeId, t.office.id))).toBe(3);
    expect(await db().$count(auditLogs, eq(auditLogs.officeId, t.office.id))).toBe(0);
  });
});
