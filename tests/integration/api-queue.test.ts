import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { REFERENCE_MISSES } from "@/lib/limits/reference-misses";
import { callNext, recall } from "@/lib/dal/queue/calls";
import { finishService, startService } from "@/lib/dal/queue/service";
import { getQueueEventsHub } from "@/lib/queue-events-hub";
import { apiGet, disposeApiTestDatabase, freshIp, read, refParams, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { createTestOffice, type TestOffice } from "../helpers/fixtures";
import { at, bookAndCheckIn, type Booked } from "../helpers/queue";
import { SseReader } from "../helpers/sse";
import { actorOf, createTestStaff } from "../helpers/staff";

type Handler = (request: Request, context: { params: Promise<{ reference: string }> }) => Promise<Response>;

/** Fresh route modules, so they read ANTREAN_TRUST_PROXY as the test sets it (per-address limits). */
async function loadRoutes() {
  vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
  vi.resetModules();
  return {
    status: (await import("@/app/api/v1/queue/[reference]/route")).GET as Handler,
    events: (await import("@/app/api/v1/queue/[reference]/events/route")).GET as Handler,
  };
}

describe.each(DATABASE_KINDS)("the queue status API on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let op: Actor;
  let people: Booked[];
  let routes: Awaited<ReturnType<typeof loadRoutes>>;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    routes = await loadRoutes();
    t = await createTestOffice(testDb.handle.db);
    op = actorOf(await createTestStaff(testDb.handle.db, t.office.id));
    people = [];
    for (let i = 0; i < 4; i++) people.push(await bookAndCheckIn(t, op, { checkInAt: at(i - 30) }));
  });
  afterAll(async () => {
    await disposeApiTestDatabase(testDb);
    vi.unstubAllEnvs();
  });

  it("answers exactly the documented shape, with queue numbers and counters only", async () => {
    const res = await read(routes.status(apiGet(`/api/v1/queue/${people[2]!.reference.toLowerCase()}`), refParams(people[2]!.reference.toLowerCase())));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toEqual({ status: "checked_in", queueNumber: people[2]!.queueNumber, ahead: 2, etaMinutes: { low: 5, high: 25 }, nowServing: [] });
    expect(res.text).not.toMatch(/Warga|nik|name|reference|officeId/i);
  });

  it("404 for an unknown reference; misses from one address are throttled with 429, other addresses unaffected", async () => {
    const ip = freshIp();
    for (let i = 0; i < REFERENCE_MISSES.limit; i++) {
      expect((await routes.status(apiGet("/api/v1/queue/ZZZZ-ZZZZ", { ip }), refParams("ZZZZ-ZZZZ"))).status).toBe(404);
    }
    const blocked = await read(routes.status(apiGet("/api/v1/queue/ZZZZ-ZZZZ", { ip }), refParams("ZZZZ-ZZZZ")));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBeTruthy();
    expect((await routes.events(apiGet("/api/v1/queue/ZZZZ-ZZZZ/events", { ip }), refParams("ZZZZ-ZZZZ"))).status).toBe(429);
    expect((await routes.status(apiGet("/api/v1/queue/x/events"), refParams("x"))).status).toBe(404);
    expect((await routes.status(apiGet(`/api/v1/queue/${people[0]!.reference}`), refParams(people[0]!.reference))).status).toBe(200);
  });

  it("streams the status, then an update after each call, and a calls count on a recall", async () => {
    const abort = new AbortController();
    const request = new Request(`http://antrean.test/api/v1/queue/${people[3]!.reference}/events`, { headers: { "x-forwarded-for": freshIp() }, signal: abort.signal });
    const response = await routes.events(request, refParams(people[3]!.reference));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const sse = new SseReader(response.body!);
    expect(await sse.next("status")).toMatchObject({ status: "checked_in", ahead: 3 });
    const hub = await getQueueEventsHub();
    expect(hub.subscriberCount()).toBeGreaterThanOrEqual(1);

    await callNext(op, { counterNumber: 1 }, { now: at(1) });
    expect(await sse.next("status")).toMatchObject({ status: "checked_in", ahead: 2, nowServing: [{ counter: 1, number: people[0]!.queueNumber }] });
    await callNext(op, { counterNumber: 2 }, { now: at(2) });
    // One citizen per counter: each is served and finished before their counter calls again.
    for (const [i, p] of [people[0]!, people[1]!].entries()) {
      await startService(op, { reference: p.reference, counterNumber: i + 1 }, { now: at(2) });
      await finishService(op, { reference: p.reference, counterNumber: i + 1 }, { now: at(3) });
    }
    await callNext(op, { counterNumber: 1 }, { now: at(3) });
    await callNext(op, { counterNumber: 2 }, { now: at(4) });
    let update = await sse.next<Record<string, unknown>>("status");
    while (update.status !== "called") update = await sse.next("status");
    expect(update).toEqual({
      status: "called",
      queueNumber: people[3]!.queueNumber,
      counter: 2,
      nowServing: [
        { counter: 1, number: people[2]!.queueNumber },
        { counter: 2, number: people[3]!.queueNumber },
      ],
    });
    expect(await sse.next("calls")).toEqual({ count: 1 });
    // A recall leaves the status as it was; the count still reaches the phone.
    await recall(op, { counterNumber: 2, reference: people[3]!.reference }, { now: at(5) });
    expect(await sse.next("calls")).toEqual({ count: 2 });

    // While a stream of the office is open, one read of the day serves every stream until the office's next event.
    const { sharedOfficeDay } = await import("@/lib/queue-status-stream");
    const officeId = t.office.id;
    const shared = sharedOfficeDay(officeId);
    expect(sharedOfficeDay(officeId)).toBe(shared);
    await startService(op, { reference: people[2]!.reference, counterNumber: 1 }, { now: at(6) });
    await new Promise((r) => setTimeout(r, 800));
    expect(sharedOfficeDay(officeId)).not.toBe(shared);

    const before = hub.subscriberCount();
    abort.abort();
    expect(await sse.nextFrame()).toBeNull();
    expect(hub.subscriberCount()).toBe(before - 1);
  });
});
