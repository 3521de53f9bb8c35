import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, messageTemplates } from "@/db/schema";
import { getTemplate, listTemplates, resetTemplate, saveTemplate } from "@/lib/dal/message-templates";
import { getOutboxCounts } from "@/lib/dal/outbox-counts";
import { findTemplate } from "@/lib/messages/template-store";
import { DEFAULT_TEMPLATES } from "@/lib/messages/templates";
import { parseTemplateInput } from "@/lib/validation/message-templates";
import { messages } from "@/db/schema";
import { appErrorOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const PARAMS = { reference: "ABCD2345", queueNumber: "A-001", service: "KTP-el", date: "2026-12-02", sessionStart: "09:00", sessionEnd: "10:00", arriveBy: "08:45", place: "Kantor", address: null, bring: [], link: "/booking/ABCD2345" };
const input = (over: Record<string, string> = {}) => ({ kind: "reminder", language: "id", subject: "Besok {date}", body: "Halo, besok {date} sesi {session} di {place}. {link}", ...over });

describe.each(DATABASE_KINDS)("message templates for admins on %s", (kind) => {
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

  it("an admin's text is what the sender uses, for that office and language only; reset brings the default back; both audited", async () => {
    const { t, admin } = await setup();
    const other = await setup();
    expect(await findTemplate(db(), t.office.id, "reminder", "id")).toEqual(DEFAULT_TEMPLATES.id.reminder);
    await saveTemplate(admin, parseTemplateInput(input()));
    expect(await findTemplate(db(), t.office.id, "reminder", "id")).toEqual({ subject: "Besok {date}", body: "Halo, besok {date} sesi {session} di {place}. {link}" });
    expect(await findTemplate(db(), t.office.id, "reminder", "en")).toEqual(DEFAULT_TEMPLATES.en.reminder);
    expect(await findTemplate(db(), other.t.office.id, "reminder", "id")).toEqual(DEFAULT_TEMPLATES.id.reminder);
    expect((await getTemplate(admin, { officeId: t.office.id, kind: "reminder", language: "id" })).isCustom).toBe(true);
    expect((await listTemplates(admin, { officeId: t.office.id })).filter((e) => e.isCustom)).toHaveLength(1);
    await saveTemplate(admin, parseTemplateInput(input({ body: "Versi dua {link}" })));
    expect(await db().$count(messageTemplates, eq(messageTemplates.officeId, t.office.id))).toBe(1);
    await resetTemplate(admin, { kind: "reminder", language: "id" });
    expect(await findTemplate(db(), t.office.id, "reminder", "id")).toEqual(DEFAULT_TEMPLATES.id.reminder);
    const actions = (await db().select().from(auditLogs).where(eq(auditLogs.officeId, t.office.id))).map((a) => a.action).sort();
    expect(actions).toEqual(["message_template.reset", "message_template.update", "message_template.update"]);
    const [first] = await db().select().from(auditLogs).where(and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "message_template.reset")));
    expect(first!.details).toMatchObject({ kind: "reminder", language: "id", before: { body: "Versi dua {link}" } });
  });

  it("unknown placeholders, a NIK placeholder, oversized or empty text are 422 naming the field; nothing saved", async () => {
    const { t, admin } = await setup();
    const unknown = await appErrorOf(Promise.resolve().then(() => parseTemplateInput(input({ body: "Halo {nama} {link}" }))));
    expect(unknown).toMatchObject({ status: 422, fields: { body: ["field.template.placeholder"] }, params: { placeholder: "{nama}" } });
    for (const nik of ["{nik}", "{NIK}", "{ nik }", "{nikMasked}"]) {
      const error = await appErrorOf(Promise.resolve().then(() => parseTemplateInput(input({ subject: `Untuk ${nik}` }))));
      expect(error.fields).toEqual({ subject: ["field.template.nik"] });
    }
    expect((await appErrorOf(Promise.resolve().then(() => parseTemplateInput(input({ body: "x".repeat(2001) }))))).fields).toEqual({ body: ["field.tooLong"] });
    expect((await appErrorOf(Promise.resolve().then(() => parseTemplateInput(input({ body: "   " }))))).fields).toEqual({ body: ["field.required"] });
    expect((await appErrorOf(Promise.resolve().then(() => parseTemplateInput(input({ kind: "love_letter" }))))).fields).toEqual({ kind: ["field.invalid"] });
    // Hostile markup is text: the email's HTML escapes it (tests/unit/message-templates), the store keeps it verbatim.
    await saveTemplate(admin, parseTemplateInput(input({ body: `<script>alert(1)</script> {link}` })));
    expect((await findTemplate(db(), t.office.id, "reminder", "id")).body).toBe(`<script>alert(1)</script> {link}`);
    // Past the schema, the table's CHECK still refuses.
    const refused = await appErrorOf(saveTemplate(admin, { kind: "moved", language: "en", subject: "s", body: "y".repeat(2001) }));
    expect(refused.status).toBe(422);
    expect(await db().$count(messageTemplates, and(eq(messageTemplates.officeId, t.office.id), eq(messageTemplates.kind, "moved")))).toBe(0);
  });

  it("operators, supervisors and another office's admin get 403 and nothing changes", async () => {
    const { t, staff } = await setup();
    const other = await setup();
    const parsed = parseTemplateInput(input());
    for (const actor of [await staff("operator"), await staff("supervisor"), other.admin]) {
      expect((await appErrorOf(saveTemplate(actor, { ...parsed, officeId: t.office.id }))).status).toBe(403);
      expect((await appErrorOf(resetTemplate(actor, { kind: "reminder", language: "id", officeId: t.office.id }))).status).toBe(403);
      expect((await appErrorOf(listTemplates(actor, { officeId: t.office.id }))).status).toBe(403);
    }
    expect(await db().$count(messageTemplates, eq(messageTemplates.officeId, t.office.id))).toBe(0);
    expect(await db().$count(auditLogs, eq(auditLogs.officeId, t.office.id))).toBe(0);
  });

  it("outbox counts per status for today and the last 7 office-local days; operators refused", async () => {
    const { t, admin, staff } = await setup();
    const now = new Date("2026-12-01T03:00:00Z"); // 10:00 in Jakarta on 1 December
    const row = (status: "sent" | "failed" | "queued" | "no_channel", createdAt: string, n: number) => ({
      officeId: t.office.id, kind: "confirmation" as const, channel: "whatsapp" as const, recipient: "6281", params: PARAMS, idempotencyKey: `${t.office.id}-${n}`, status, createdAt: new Date(createdAt),
    });
    await db().insert(messages).values([
      row("sent", "2026-11-30T17:10:00Z", 1), // 1 Dec 00:10 Jakarta: today
      row("failed", "2026-12-01T02:00:00Z", 2), // today
      row("sent", "2026-11-30T16:50:00Z", 3), // 30 Nov 23:50 Jakarta: this week, not today
      row("no_channel", "2026-11-25T01:00:00Z", 4), // 25 Nov: the 7th day back, counted
      row("queued", "2026-11-24T16:59:00Z", 5), // 24 Nov 23:59 Jakarta: outside
    ]);
    const counts = await getOutboxCounts(admin, {}, { now });
    expect(counts.today).toEqual({ queued: 0, sent: 1, failed: 1, no_channel: 0, cancelled: 0 });
    expect(counts.week).toEqual({ queued: 0, sent: 2, failed: 1, no_channel: 1, cancelled: 0 });
    expect((await appErrorOf(getOutboxCounts(await staff("operator"), { officeId: t.office.id }, { now }))).status).toBe(403);
  });
});
