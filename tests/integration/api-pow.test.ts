import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { and, eq } from "drizzle-orm";
import { GET as challengeGet } from "@/app/api/v1/challenge/route";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { auditLogs, bookings, powSpent } from "@/db/schema";
import { POW_ALGORITHM, POW_COST, POW_TTL_SECONDS } from "@/lib/pow/altcha";
import { apiGet, apiPost, countState, disposeApiTestDatabase, read, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
vi.stubEnv("ANTREAN_POW", "on");

type ChallengeJson = Challenge & { parameters: Challenge["parameters"] & { expiresAt: number; data: { office: string } } };

/** What the widget submits: base64 of `{ challenge: { parameters, signature }, solution }`. */
export function payloadOf(challenge: Challenge, solution: { counter: number; derivedKey: string }): string {
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString("base64");
}

describe.each(DATABASE_KINDS)("proof of work on the booking API on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let other: TestOffice;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    // A low difficulty keeps the solving quick; the mechanism is the same at any difficulty.
    t = await createTestOffice(db(), { office: { powDifficulty: 20 } });
    other = await createTestOffice(db(), { office: { powDifficulty: 20 } });
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  const body = (over: Record<string, unknown> = {}) => ({
    office: t.office.slug,
    service: "kk",
    date: TOMORROW,
    session: "09:00",
    nik: adultNik(),
    name: "Siti Nurhaliza",
    phone: uniquePhone(),
    ...over,
  });
  const getChallenge = async (office = t.office.slug) => {
    const response = await read(challengeGet(apiGet(`/api/v1/challenge?office=${office}`)));
    expect(response.status).toBe(200);
    return response.json as unknown as ChallengeJson;
  };
  const solved = async (office = t.office.slug) => {
    const challenge = await getChallenge(office);
    const solution = await solveChallenge({ challenge, deriveKey });
    expect(solution).not.toBeNull();
    return { challenge, solution: solution!, altcha: payloadOf(challenge, solution!) };
  };
  const book = (data: Record<string, unknown>, options: { lang?: "id" | "en"; headers?: Record<string, string> } = {}) =>
    read(bookPost(apiPost("/api/v1/bookings", data, options)));

  it("GET /api/v1/challenge: altcha-lib's signed, expiring challenge at the office's difficulty, never cached", async () => {
    const response = await read(challengeGet(apiGet(`/api/v1/challenge?office=${t.office.slug}`)));
    expect(response.headers.get("cache-control")).toBe("no-store");
    const challenge = response.json as unknown as ChallengeJson;
    expect(Object.keys(challenge).sort()).toEqual(["parameters", "signature"]);
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters).toMatchObject({ algorithm: POW_ALGORITHM, cost: POW_COST, keyLength: 32, data: { office: t.office.slug } });
    expect(challenge.parameters.keySignature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters.expiresAt).toBe(Math.floor(NOW.getTime() / 1000) + POW_TTL_SECONDS);
    // Two challenges never share a nonce (the replay key).
    expect((await getChallenge()).parameters.nonce).not.toBe(challenge.parameters.nonce);
    // Deterministic mode: the solver counts up to the hidden counter, at most the office's difficulty.
    const solution = await solveChallenge({ challenge, deriveKey });
    expect(solution!.counter).toBeGreaterThanOrEqual(10);
    expect(solution!.counter).toBeLessThanOrEqual(20);
    // An unknown office is bad input, not a challenge.
    expect((await read(challengeGet(apiGet("/api/v1/challenge?office=no-such-office")))).status).toBe(422);
    expect((await read(challengeGet(apiGet("/api/v1/challenge?office=%3Cscript%3E")))).status).toBe(422);
  });

  it("books with a solution from altcha-lib's solveChallenge, once: the same solution again is 403 challenge and writes nothing", async () => {
    const { altcha } = await solved();
    const created = await book(body({ altcha }));
    expect(created.status, created.text).toBe(201);
    const before = await countState(db());
    const replay = await book(body({ altcha }), { lang: "en" });
    expect(replay.status).toBe(403);
    expect(replay.json).toEqual({ error: { code: "challenge", message: "This security check has already been used. Reload the page and send again." } });
    expect(await countState(db())).toEqual(before);
  });

  it("refuses a missing, malformed or forged solution with 403 challenge before anything is written", async () => {
    const { challenge, solution, altcha } = await solved();
    const tampered = (change: (c: ChallengeJson, s: { counter: number; derivedKey: string }) => void) => {
      const c = structuredClone(challenge) as ChallengeJson;
      const s = { ...solution };
      change(c, s);
      return payloadOf(c, s);
    };
    const refusals: [string, unknown][] = [
      ["missing", undefined],
      ["empty", ""],
      ["a number", 42],
      ["an object", { challenge, solution }],
      ["not base64 JSON", "bm90IGpzb24="],
      ["oversized", "A".repeat(10_000)],
      ["wrong derived key", tampered((_, s) => (s.derivedKey = "00".repeat(32)))],
      ["wrong counter and key", tampered((_, s) => ((s.counter += 1), (s.derivedKey = "ab".repeat(32))))],
      ["easier prefix", tampered((c) => (c.parameters.keyPrefix = "0"))],
      ["longer life", tampered((c) => (c.parameters.expiresAt += 86_400))],
      ["another office's name", tampered((c) => (c.parameters.data.office = other.office.slug))],
      ["no signature", tampered((c) => (c.signature = ""))],
      ["another algorithm", tampered((c) => (c.parameters.algorithm = "SHA-256"))],
    ];
    const before = await countState(db());
    const nik = adultNik();
    for (const [why, value] of refusals) {
      const refused = await book(body({ nik, ...(value === undefined ? {} : { altcha: value }) }), { lang: "en" });
      expect(refused.status, why).toBe(403);
      expect(refused.json.error?.code, why).toBe("challenge");
      expect(Object.keys(refused.json.error ?? {}).sort(), why).toEqual(["code", "message"]);
    }
    expect(await countState(db())).toEqual(before);
    const [spent] = await db().select().from(powSpent).where(eq(powSpent.nonce, `altcha:${challenge.parameters.nonce}`));
    expect(spent, "a refused attempt does not use up the real solution").toBeUndefined();
    // The untampered payload still books, for the same person.
    expect((await book(body({ nik, altcha }))).status).toBe(201);
  });

  it("a solution for another office is refused there, and accepted at its own", async () => {
    const { altcha } = await solved(other.office.slug);
    const before = await countState(db());
    expect((await book(body({ altcha }))).status).toBe(403);
    expect(await countState(db())).toEqual(before);
    expect((await book(body({ office: other.office.slug, altcha }))).status).toBe(201);
  });

  it("an expired solution is refused with 403 challenge and writes nothing", async () => {
    const { altcha } = await solved();
    const before = await countState(db());
    vi.setSystemTime(new Date(NOW.getTime() + (POW_TTL_SECONDS + 1) * 1000));
    try {
      const expired = await book(body({ altcha }), { lang: "en" });
      expect(expired.status).toBe(403);
      expect(expired.json).toEqual({ error: { code: "challenge", message: "The security check has expired. Reload the page and send again." } });
      expect(await countState(db())).toEqual(before);
    } finally {
      vi.setSystemTime(NOW);
    }
  });

  it("bad input is still 422 (nothing is spent), and a solution used for a refused booking is spent", async () => {
    const { altcha } = await solved();
    expect((await book(body({ altcha, nik: "123" }))).status).toBe(422);
    const person = body({ altcha });
    expect((await book(person)).status).toBe(201);
    // The same person again with a fresh solution: 409 duplicate, and that solution is used up.
    const second = await solved();
    expect((await book({ ...person, altcha: second.altcha })).status).toBe(409);
    expect((await book({ ...body(), altcha: second.altcha })).status).toBe(403);
  });

  it("two requests with one solution at the same moment: one booking", async () => {
    const { altcha } = await solved();
    const results = await Promise.all([book(body({ altcha })), book(body({ altcha })), book(body({ altcha }))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 403, 403]);
  });

  it("the widget's payload is what altcha-lib verifies: an audit row of a citizen booking, no trace of the payload", async () => {
    const { altcha } = await solved();
    const created = await book(body({ altcha }));
    const [row] = await db().select({ id: bookings.id }).from(bookings).where(eq(bookings.reference, String(created.json.reference)));
    const audit = await db().select().from(auditLogs).where(and(eq(auditLogs.bookingId, row!.id), eq(auditLogs.action, "booking.create")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorType).toBe("citizen");
    expect(JSON.stringify(audit[0]!.details)).not.toContain(altcha.slice(0, 40));
  });
});
