import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { POST as cancelPost } from "@/app/api/v1/bookings/[reference]/cancel/route";
import { POST as reschedulePost } from "@/app/api/v1/bookings/[reference]/reschedule/route";
import { POST as lookupPost } from "@/app/api/v1/bookings/lookup/route";
import { POST as recoverPost } from "@/app/api/v1/bookings/recover/route";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { bookings } from "@/db/schema";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { apiPost, countState, freshIp, read, refParams, type ApiResult, disposeApiTestDatabase, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
// Proof of work has its own tests (api-pow.test.ts); these book without solving a challenge.
vi.stubEnv("ANTREAN_POW", "off");

const HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' OR 1=1 --", "'; DROP TABLE bookings; --"];
const WRONG_TYPES: unknown[] = [123, 1.5, -1, true, [], ["x"], {}, { a: 1 }, null];
/** For an optional field, JSON null means "none" (tests/integration/api-bookings covers it): not a wrong type. */
const NULL_MEANS_NONE = new Set(["email"]);

type Endpoint = {
  name: string;
  bodyFields: string[];
  hasPathReference: boolean;
  valid: () => Record<string, unknown>;
  send: (request: Request, reference: string) => Promise<Response>;
  path: (reference: string) => string;
};

describe.each(DATABASE_KINDS)("hostile input to the API on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let reference: string;
  let nik: string;
  let endpoints: Endpoint[];

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
    nik = adultNik();
    const phone = uniquePhone();
    const created = await read(bookPost(apiPost("/api/v1/bookings", { office: t.office.slug, service: "kk", date: TOMORROW, session: "08:00", nik, name: "Dewi", phone })));
    expect(created.status).toBe(201);
    reference = String(created.json.reference);
    // Every valid body aims at a real booking, so a check that let bad input through would change something.
    endpoints = [
      {
        name: "POST /bookings",
        bodyFields: ["office", "service", "date", "session", "nik", "name", "phone", "email"],
        hasPathReference: false,
        valid: () => ({ office: t.office.slug, service: "kk", date: TOMORROW, session: "09:00", nik: adultNik(), name: "Budi Santoso", phone: uniquePhone(), email: "budi@example.com" }),
        send: (request) => bookPost(request),
        path: () => "/api/v1/bookings",
      },
      {
        name: "POST /bookings/lookup",
        bodyFields: ["reference", "nik"],
        hasPathReference: false,
        valid: () => ({ reference, nik }),
        send: (request) => lookupPost(request),
        path: () => "/api/v1/bookings/lookup",
      },
      {
        name: "POST /bookings/{reference}/cancel",
        bodyFields: ["nik"],
        hasPathReference: true,
        valid: () => ({ nik }),
        send: (request, ref) => cancelPost(request, refParams(ref)),
        path: (ref) => `/api/v1/bookings/${encodeURIComponent(ref)}/cancel`,
      },
      {
        name: "POST /bookings/{reference}/reschedule",
        bodyFields: ["nik", "date", "session"],
        hasPathReference: true,
        valid: () => ({ nik, date: "2026-12-03", session: "11:00" }),
        send: (request, ref) => reschedulePost(request, refParams(ref)),
        path: (ref) => `/api/v1/bookings/${encodeURIComponent(ref)}/reschedule`,
      },
      {
        name: "POST /bookings/recover",
        bodyFields: ["nik", "phone"],
        hasPathReference: false,
        valid: () => ({ nik, phone }),
        send: (request) => recoverPost(request),
        path: () => "/api/v1/bookings/recover",
      },
    ];
  });
  afterAll(async () => {
    await disposeApiTestDatabase(testDb);
  });

  const post = (e: Endpoint, body: unknown, ref = reference, headers: Record<string, string> = {}) =>
    read(e.send(apiPost(e.path(ref), body, { headers }), ref));
  const rawPost = (e: Endpoint, init: RequestInit & { duplex?: "half" }, ref = reference) =>
    read(e.send(new Request(`http://antrean.test${e.path(ref)}`, { method: "POST", ...init, headers: { "x-forwarded-for": freshIp(), ...(init.headers as Record<string, string>) } }), ref));

  async function expectUnchanged(run: () => Promise<void>) {
    const before = await countState(testDb.handle.db);
    const [row] = await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, reference));
    await run();
    expect(await countState(testDb.handle.db)).toEqual(before);
    const [after] = await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, reference));
    expect(after).toEqual(row);
  }

  function expectFieldError(res: ApiResult, field: string, label: string) {
    expect(res.status, label).toBe(422);
    expect(res.json.error?.code, label).toBe("validation");
    expect(Object.keys(res.json.error?.fields ?? {}), label).toEqual([field]);
  }

  it("sanity: the valid bodies are accepted (so the 422s below are about the bad field)", async () => {
    for (const e of endpoints.filter((x) => !x.hasPathReference)) expect((await post(e, e.valid())).status, e.name).toBeLessThan(300);
  });

  it("XSS and SQL strings in every field of every endpoint: 422, nothing written, nothing echoed", async () => {
    await expectUnchanged(async () => {
      for (const e of endpoints) {
        for (const hostile of HOSTILE) {
          for (const field of e.bodyFields) {
            const label = `${e.name} ${field}=${hostile}`;
            const res = await post(e, { ...e.valid(), [field]: hostile });
            expectFieldError(res, field, label);
            expect(res.text, label).not.toContain(hostile);
            expect(res.text, label).not.toMatch(/<script|<img|onerror|DROP TABLE|OR 1=1/i);
          }
          if (e.hasPathReference) {
            const res = await post(e, e.valid(), hostile);
            expectFieldError(res, "reference", `${e.name} path=${hostile}`);
            expect(res.text).not.toContain(hostile);
          }
        }
      }
    });
  });

  it("wrong types (numbers, booleans, arrays, objects, null) in every field of every endpoint: 422, nothing written", async () => {
    await expectUnchanged(async () => {
      for (const e of endpoints) {
        for (const field of e.bodyFields) {
          for (const value of WRONG_TYPES) {
            if (value === null && NULL_MEANS_NONE.has(field)) continue;
            expectFieldError(await post(e, { ...e.valid(), [field]: value }), field, `${e.name} ${field}=${JSON.stringify(value)}`);
          }
        }
      }
    });
  });

  it("oversized bodies are refused with 422 before parsing, with or without a Content-Length", async () => {
    await expectUnchanged(async () => {
      for (const e of endpoints) {
        const big = JSON.stringify({ ...e.valid(), padding: "x".repeat(MAX_BODY_BYTES) });
        const declared = await post(e, big);
        expect(declared.status, e.name).toBe(422);
        expect(declared.json).toEqual({ error: { code: "validation", message: "Data yang dikirim terlalu besar.", fields: {} } });

        const bytes = new TextEncoder().encode(big);
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
            controller.close();
          },
        });
        const streamed = await rawPost(e, { body: stream, duplex: "half", headers: { "content-type": "application/json", "accept-language": "en" } });
        expect(streamed.json.error).toEqual({ code: "validation", message: "The request is too large.", fields: {} });
      }
    });
  });

  it("broken JSON, bad UTF-8, non-object JSON and the wrong content type are 422s", async () => {
    await expectUnchanged(async () => {
      for (const e of endpoints) {
        const json = { "content-type": "application/json" };
        for (const body of ["", "{", "{'nik': 1}", "nik=1", "{\"nik\": \"1\"} trailing"]) {
          const res = await rawPost(e, { body, headers: json });
          expect(res.json.error, `${e.name} ${body}`).toEqual({ code: "validation", message: "Data yang dikirim bukan JSON yang valid.", fields: {} });
        }
        const badUtf8 = await rawPost(e, { body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), headers: json });
        expect(badUtf8.json.error?.message).toBe("Data yang dikirim bukan JSON yang valid.");
        for (const body of ["[]", "null", "\"nik\"", "42", "[" + "[".repeat(5000) + "]".repeat(5001)]) {
          const res = await rawPost(e, { body, headers: { ...json, "accept-language": "en" } });
          expect(res.status).toBe(422);
          expect(res.json.error?.message, `${e.name} ${body.slice(0, 10)}`).toBe("The request body must be a JSON object.");
        }
        const nested = await rawPost(e, { body: `{"${e.bodyFields[0]}": ${"[".repeat(5000)}${"]".repeat(5000)}}`, headers: json });
        expect(nested.status).toBe(422);
        for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", ""]) {
          const res = await rawPost(e, { body: JSON.stringify(e.valid()), headers: type ? { "content-type": type } : {} });
          expect(res.status, `${e.name} ${type}`).toBe(422);
          expect(res.json.error?.message).toBe("Kirim data sebagai JSON dengan header Content-Type: application/json.");
        }
      }
    });
  });

  it("ignores unknown fields: a client cannot set the status, channel, queue number or ids", async () => {
    const res = await post(endpoints[0]!, {
      ...endpoints[0]!.valid(),
      status: "done",
      channel: "walk_in",
      queueSeq: 999,
      queueNumber: "Z-999",
      id: "00000000-0000-0000-0000-000000000000",
      isPriority: true,
      createdByStaffId: "00000000-0000-0000-0000-000000000000",
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "booked", channel: "online", isPriority: false });
    expect(res.json.queueNumber).toMatch(/^C-0\d\d$/);
    const proto = await post(endpoints[0]!, `{"__proto__": {"status": "done"}, ${JSON.stringify(endpoints[0]!.valid()).slice(1)}`);
    expect(proto.status).toBe(201);
    expect(proto.json.status).toBe("booked");
  });

  it("an unexpected failure is a generic 500, rolled back, and logged without the person's data", async () => {
    const db = testDb.handle.db;
    await db.execute(sql`create function antrean_test_fail() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$`);
    await db.execute(sql`create trigger antrean_test_fail before insert on bookings for each row execute function antrean_test_fail()`);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const nik = adultNik();
      const body = { ...endpoints[0]!.valid(), nik, name: "Rahasia Pribadi", email: "rahasia@example.com", phone: "0813-9876-5432" };
      await expectUnchanged(async () => {
        const res = await post(endpoints[0]!, body, reference, { "accept-language": "en" });
        expect(res.status).toBe(500);
        expect(res.json).toEqual({ error: { code: "unexpected", message: "Something went wrong on our side. Please try again." } });
        expect(res.headers.get("cache-control")).toBe("no-store");
      });
      expect(logged).toHaveBeenCalledTimes(1);
      const line = logged.mock.calls.flat().map(String).join(" ");
      expect(line).toContain("simulated failure");
      for (const secret of [nik, "Rahasia", "rahasia@example.com", "81398765432"]) expect(line).not.toContain(secret);
    } finally {
      logged.mockRestore();
      await db.execute(sql`drop trigger antrean_test_fail on bookings`);
      await db.execute(sql`drop function antrean_test_fail()`);
    }
  });
});
