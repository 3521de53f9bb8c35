import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportGet } from "@/app/(staff)/staff/reports/export.csv/route";
import type { StaffActor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { createTranslator } from "@/lib/i18n/translate";
import { apiGet, disposeApiTestDatabase, read, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { createTestOffice, TODAY, type TestOffice } from "../helpers/fixtures";
import { bookToday } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

/** Who the session says is signed in (the next-auth cookie is not what this test is about). */
const session = vi.hoisted(() => ({ actor: null as StaffActor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireStaffAction: async (permission?: Permission) => {
    if (!session.actor) throw new AppError("unauthorized", "error.unauthorized");
    if (permission && !can(session.actor, permission)) throw new AppError("forbidden", "error.forbidden");
    return session.actor;
  },
}));

/**
 * The staff portal's CSV download goes through the API's one wrapper: a refusal is the API's JSON error with
 * its status, worded in the portal's language (the `lang` cookie), never a page or a stack.
 */
describe.each(DATABASE_KINDS)("the staff report's CSV on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;
  const csv = (query: string, lang?: "en") => exportGet(apiGet(`/staff/reports/export.csv?${query}`, lang ? { headers: { cookie: `lang=${lang}` } } : {}));

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(db());
    await bookToday(t);
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  it("gives a supervisor the CSV, not stored by any cache", async () => {
    session.actor = actorOf(await createTestStaff(db(), t.office.id, { role: "supervisor" }));
    const response = await csv(`from=${TODAY}&to=${TODAY}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`laporan-${t.office.slug}-${TODAY}-${TODAY}.csv`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toContain("total");
  });

  it("refuses the signed out (401), an operator and another office (403), a bad range (422): the API's error, in the portal's language", async () => {
    const en = createTranslator("en");
    session.actor = null;
    const signedOut = await read(csv(`from=${TODAY}&to=${TODAY}`, "en"));
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("cache-control")).toBe("no-store");
    expect(signedOut.json).toEqual({ error: { code: "unauthorized", message: en("error.unauthorized") } });

    session.actor = actorOf(await createTestStaff(db(), t.office.id, { role: "operator" }));
    expect((await read(csv(`from=${TODAY}&to=${TODAY}`))).json.error).toMatchObject({ code: "forbidden", message: createTranslator("id")("error.forbidden") });

    session.actor = actorOf(await createTestStaff(db(), t.office.id, { role: "supervisor" }));
    const other = await createTestOffice(db());
    expect((await read(csv(`from=${TODAY}&to=${TODAY}&office=${other.office.slug}`))).status).toBe(403);

    const bad = await read(csv(`from=${TODAY}&to=2026-11-01`, "en"));
    expect(bad.status).toBe(422);
    expect(bad.json.error).toMatchObject({ code: "validation", fields: { to: [en("report.field.toBeforeFrom")] } });
    expect(bad.text).not.toContain("section,group");
  });
});
