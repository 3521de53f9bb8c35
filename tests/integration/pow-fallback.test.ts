import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count, lt } from "drizzle-orm";
import { powSpent } from "@/db/schema";
import { prunePowSpent } from "@/lib/dal/pow";
import { checkFormPow, isSpentWaitToken, spendBookingPow } from "@/lib/pow/gate";
import { createWaitToken, WAIT_TOKEN_TTL_SECONDS } from "@/lib/pow/wait-token";
import { apiPost, countState, disposeApiTestDatabase, read, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
vi.stubEnv("ANTREAN_POW_WAIT_SECONDS", "10");
const WAIT_SECONDS = 10;

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe.each(DATABASE_KINDS)("the no-JavaScript wait and ANTREAN_POW=off on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    vi.stubEnv("ANTREAN_POW", "on");
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(db());
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  it("a form without any proof gets a signed token back; with it, a post before the wait is held until it is over; once", async () => {
    const first = await checkFormPow({}, t.office.slug, NOW);
    if (!("wait" in first)) throw new Error("expected a wait");
    expect(first.wait.readyAt.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(WAIT_SECONDS * 1000);
    const token = first.wait.token;

    // Posted 2 s before the wait is over: answered about 2 s later, with the proof.
    const started = performance.now();
    const held = await checkFormPow({ powWait: token }, t.office.slug, at(WAIT_SECONDS - 2));
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_500);
    if (!("proof" in held) || !held.proof) throw new Error("expected a proof");

    const ready = await checkFormPow({ powWait: token }, t.office.slug, at(WAIT_SECONDS + 1));
    expect(ready).toEqual(held);
    await spendBookingPow(held.proof);
    const again = await checkFormPow({ powWait: token }, t.office.slug, at(WAIT_SECONDS + 2));
    const error = await spendBookingPow("proof" in again ? again.proof : null).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "challenge", messageKey: "pow.error.replayed" });
    // The form answers a used token (a page from the history) with a new wait, not an error.
    expect(isSpentWaitToken(error, { powWait: token })).toBe(true);
    expect(isSpentWaitToken(error, { altcha: "x", powWait: token })).toBe(false);
  });

  it("a forged, altered or other office's token is refused; an expired one starts a new wait", async () => {
    const { token } = createWaitToken(t.office.slug, NOW);
    const [body, signature] = token.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(body, "base64url").toString());
    const earlier = Buffer.from(JSON.stringify({ ...claims, nb: claims.nb - WAIT_SECONDS })).toString("base64url");
    for (const forged of [`${earlier}.${signature}`, `${body}.${"A".repeat(signature.length)}`, `${body}.${signature}.x`, "garbage", "x".repeat(600)]) {
      await expect(checkFormPow({ powWait: forged }, t.office.slug, at(WAIT_SECONDS + 1))).rejects.toMatchObject({ code: "challenge", status: 403 });
    }
    await expect(checkFormPow({ powWait: token }, "another-office", at(WAIT_SECONDS + 1))).rejects.toMatchObject({ code: "challenge" });
    const late = await checkFormPow({ powWait: token }, t.office.slug, at(WAIT_SECONDS + WAIT_TOKEN_TTL_SECONDS + 5));
    expect("wait" in late && late.wait.token !== token).toBe(true);
  });

  it("the details page's cookie token (set by proxy.ts as the cached page loads) stands in for a form without one", async () => {
    const { waitCookieForDetails } = await import("@/lib/pow/wait-cookie");
    const cookie = waitCookieForDetails(new URLSearchParams({ office: t.office.slug, slot: "x" }));
    expect(cookie).toMatchObject({ name: "antrean_pow_wait", options: { httpOnly: true, sameSite: "lax", path: "/book", maxAge: WAIT_TOKEN_TTL_SECONDS } });
    expect(waitCookieForDetails(new URLSearchParams("office=%3Cscript%3E")), "a malformed place gets none").toBeNull();
    const { token } = createWaitToken(t.office.slug, NOW);
    const used = await checkFormPow({}, t.office.slug, at(WAIT_SECONDS + 1), token);
    if (!("proof" in used) || !used.proof) throw new Error("expected a proof");
    // A token the form carries (the "one more step" answer) comes first.
    const fromForm = createWaitToken(t.office.slug, NOW).token;
    const both = await checkFormPow({ powWait: fromForm }, t.office.slug, at(WAIT_SECONDS + 1), token);
    expect("proof" in both && both.proof?.nonce).not.toBe(used.proof.nonce);
    // Another place's, forged or expired cookie: as if there were none — a new wait, never an error.
    for (const [pageToken, office] of [[token, "another-office"], ["garbage", t.office.slug]] as const) {
      expect("wait" in (await checkFormPow({}, office, at(WAIT_SECONDS + 1), pageToken))).toBe(true);
    }
    expect("wait" in (await checkFormPow({}, t.office.slug, at(WAIT_SECONDS + WAIT_TOKEN_TTL_SECONDS + 5), token))).toBe(true);
    // Spent (the booking failed after it, or Back and send again): a new wait, not an error.
    await spendBookingPow(used.proof);
    const error = await spendBookingPow(used.proof).catch((e: unknown) => e);
    expect(isSpentWaitToken(error, {}, token)).toBe(true);
    expect(isSpentWaitToken(error, {})).toBe(false);
  });

  it("a widget solution that is not valid is refused, not turned into a wait", async () => {
    await expect(checkFormPow({ altcha: "bm90IGpzb24=" }, t.office.slug, NOW)).rejects.toMatchObject({ code: "challenge", messageKey: "pow.error.invalid" });
  });

  it("spent proofs are forgotten once expired", async () => {
    await spendBookingPow({ nonce: "wait:old", expiresAt: at(-1) });
    await spendBookingPow({ nonce: "wait:new", expiresAt: at(600) });
    await prunePowSpent({ now: NOW });
    const [old] = await db().select({ n: count() }).from(powSpent).where(lt(powSpent.expiresAt, NOW));
    expect(old!.n).toBe(0);
    await expect(spendBookingPow({ nonce: "wait:new", expiresAt: at(600) })).rejects.toMatchObject({ code: "challenge" });
  });

  it("ANTREAN_POW=off: the API books without a solution and the form without a wait", async () => {
    vi.stubEnv("ANTREAN_POW", "off");
    vi.resetModules();
    try {
      const { POST } = await import("@/app/api/v1/bookings/route");
      const gate = await import("@/lib/pow/gate");
      const before = await countState(db());
      const created = await read(POST(apiPost("/api/v1/bookings", { office: t.office.slug, service: "kk", date: TOMORROW, session: "10:00", nik: adultNik(), name: "Budi", phone: uniquePhone() })));
      expect(created.status, created.text).toBe(201);
      expect((await countState(db())).bookings).toBe(before.bookings + 1);
      expect(await gate.checkFormPow({}, t.office.slug, NOW)).toEqual({ proof: null });
    } finally {
      vi.stubEnv("ANTREAN_POW", "on");
      vi.resetModules();
    }
  });
});
