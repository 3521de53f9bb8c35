import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, messages, type Message } from "@/db/schema";
import { listOutbox, resendMessage } from "@/lib/dal/outbox";
import { appErrorOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const PARAMS = { reference: "ABCD2345", queueNumber: "A-001", service: "KTP-el", date: "2026-12-02", sessionStart: "09:00", sessionEnd: "10:00", arriveBy: "08:45", place: "Kantor", address: null, bring: [], link: "/booking/ABCD2345" };

describe.each(DATABASE_KINDS)("the outbox for staff on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  async function officeWithMessages() {
    const t = await createTestOffice(db());
    const at = (iso: string) => new Date(iso);
    const rows = await db()
      .insert(messages)
      .values([
        // 1 December in Jakarta runs from 30 Nov 17:00 to 1 Dec 17:00 UTC.
        { officeId: t.office.id, kind: "confirmation", channel: "whatsapp", recipient: "6281", params: PARAMS, idempotencyKey: `${t.office.id}-1`, status: "failed", attempts: 8, lastError: "gateway answered HTTP 400", createdAt: at("2026-11-30T17:30:00Z") },
        { officeId: t.office.id, kind: "reminder", channel: "email", recipient: "a@b.test", params: PARAMS, idempotencyKey: `${t.office.id}-2`, status: "sent", attempts: 1, createdAt: at("2026-12-01T09:00:00Z") },
        { officeId: t.office.id, kind: "moved", channel: "email", recipient: "a@b.test", params: PARAMS, idempotencyKey: `${t.office.id}-3`, status: "no_channel", createdAt: at("2026-12-01T16:59:00Z") },
        { officeId: t.office.id, kind: "confirmation", channel: "email", recipient: "a@b.test", params: PARAMS, idempotencyKey: `${t.office.id}-4`, status: "queued", createdAt: at("2026-12-01T17:00:00Z") },
      ])
      .returning();
    const staff = async (role: "operator" | "supervisor" | "admin") => actorOf(await createTestStaff(db(), t.office.id, { role }));
    return { t, rows: rows as Message[], staff };
  }

  it("supervisors and admins see the office-local day with status, attempts and last error; operators get 403", async () => {
    const { rows, staff } = await officeWithMessages();
    for (const role of ["supervisor", "admin"] as const) {
      const day = await listOutbox(await staff(role), { date: "2026-12-01" });
      expect(day.entries.map((e) => e.id)).toEqual([rows[2]!.id, rows[1]!.id, rows[0]!.id]);
      expect(day.entries[2]).toMatchObject({ reference: "ABCD2345", status: "failed", attempts: 8, lastError: "gateway answered HTTP 400" });
      expect(day.counts).toEqual({ queued: 0, sent: 1, failed: 1, no_channel: 1, cancelled: 0 });
      expect(JSON.stringify(day)).not.toContain("a@b.test");
    }
    expect((await appErrorOf(listOutbox(await staff("operator"), { date: "2026-12-01" }))).status).toBe(403);
  });

  it("resend puts a failed message back with fresh attempts and an audit row; operators, other offices, and sent messages are refused", async () => {
    const { rows, staff } = await officeWithMessages();
    const other = await officeWithMessages();
    const failed = rows[0]!;
    expect((await appErrorOf(resendMessage(await staff("operator"), { messageId: failed.id }))).status).toBe(403);
    expect((await appErrorOf(resendMessage(await other.staff("admin"), { messageId: failed.id }))).status).toBe(404);
    expect((await appErrorOf(resendMessage(await staff("supervisor"), { messageId: rows[1]!.id }))).status).toBe(409);
    const [unchanged] = await db().select().from(messages).where(eq(messages.id, failed.id));
    expect(unchanged).toMatchObject({ status: "failed", attempts: 8 });

    const supervisor = await staff("supervisor");
    await resendMessage(supervisor, { messageId: failed.id }, { now: new Date("2026-12-01T05:00:00Z") });
    await resendMessage(supervisor, { messageId: rows[2]!.id }, { now: new Date("2026-12-01T05:00:00Z") });
    const [requeued] = await db().select().from(messages).where(eq(messages.id, failed.id));
    expect(requeued).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: new Date("2026-12-01T05:00:00Z") });
    expect(await db().$count(auditLogs, and(eq(auditLogs.action, "message.resend"), eq(auditLogs.actorStaffId, supervisor.staffId)))).toBe(2);
  });
});
