import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, calls, devices } from "@/db/schema";
import { GET } from "@/app/api/v1/display/events/route";
import { citizen, type Actor } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { activateDevice, createDevice, resolveDeviceActor, revokeDevice } from "@/lib/dal/devices";
import { getDisplayState, type DisplayState } from "@/lib/dal/display";
import { publishQueueEvent, type QueueEvent } from "@/lib/dal/queue-events";
import { openDisplayStream } from "@/lib/display-stream";
import { getQueueEventsHub } from "@/lib/queue-events-hub";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { SseReader } from "../helpers/sse";
import { actorOf, createTestStaff } from "../helpers/staff";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DATABASE_KINDS)("call display on %s", (kind) => {
  // Latency over a real server connection: PostgreSQL only (PGlite runs in-process).
  const itOnPostgres = kind === "postgres" ? it : () => undefined;

  let testDb: TestDatabase;
  let t: TestOffice;
  let admin: Actor;
  let operator: Actor;
  const people: Array<{ id: string; nik: string; name: string; reference: string; queueNumber: string }> = [];

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
    admin = actorOf(await createTestStaff(testDb.handle.db, t.office.id, { role: "admin" }));
    operator = actorOf(await createTestStaff(testDb.handle.db, t.office.id, { role: "operator" }));
    for (const name of ["Siti Nurhaliza", "Budi Santoso", "Dewi Lestari"]) {
      const nik = adultNik();
      const b = await createBooking(
        citizen(),
        { office: t.office.slug, service: "ktp", date: TOMORROW, session: "09:00", nik, name, phone: "+62" + uniquePhone().slice(1) },
        { locale: "id", now: NOW },
      );
      const [row] = await testDb.handle.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.reference, b.reference));
      people.push({ id: row!.id, nik, name, reference: b.reference, queueNumber: b.queueNumber });
    }
  });
  afterAll(() => testDb.dispose());

  const call = (person: number, counter: number, calledAt: Date, kind: "call" | "recall" = "call") =>
    testDb.handle.db.insert(calls).values({ officeId: t.office.id, bookingId: people[person]!.id, counterId: t.counterIds[counter]!, kind, calledAt });
  /** A display as it is set up: the admin's link, opened (exchanged) on the TV; the TV's own token. */
  const activatedDisplay = async (name: string) => {
    const { device, token } = await createDevice(admin, { kind: "display", name });
    return { device, token: (await activateDevice({ token }))!.token };
  };
  const displayToken = async () => (await activatedDisplay(`TV ${Math.random()}`)).token;
  const request = (token?: string, signal?: AbortSignal) =>
    new Request("http://localhost/api/v1/display/events", { headers: token ? { cookie: `lang=id; antrean_device=${token}` } : {}, signal });

  it("shows the latest call per counter today and the recent calls, without NIK, names or ids", async () => {
    const day = new Date("2026-12-02T03:00:00Z"); // 10:00 in Jakarta
    await call(0, 0, new Date("2026-12-01T08:00:00Z")); // yesterday in Jakarta: not shown
    await call(0, 0, new Date("2026-12-02T02:00:00Z"));
    await call(1, 1, new Date("2026-12-02T02:10:00Z"));
    await call(2, 0, new Date("2026-12-02T02:20:00Z"));
    await call(2, 0, new Date("2026-12-02T02:25:00Z"), "recall");

    const display = (await resolveDeviceActor({ token: await displayToken() }))!;
    const state = await getDisplayState(display, { now: day });
    expect(state.date).toBe("2026-12-02");
    expect(state.counters).toEqual([
      { number: 1, name: "Loket 1", current: expect.objectContaining({ queueNumber: people[2]!.queueNumber, kind: "recall" }) },
      { number: 2, name: "Loket 2", current: expect.objectContaining({ queueNumber: people[1]!.queueNumber, kind: "call" }) },
    ]);
    expect(state.recent.map((c) => [c.queueNumber, c.counterNumber, c.kind])).toEqual([
      [people[2]!.queueNumber, 1, "recall"],
      [people[2]!.queueNumber, 1, "call"],
      [people[1]!.queueNumber, 2, "call"],
      [people[0]!.queueNumber, 1, "call"],
    ]);

    const json = JSON.stringify(state);
    for (const p of people) {
      for (const secret of [p.nik, p.nik.slice(0, 4) + "********", p.name, p.reference, p.id]) expect(json).not.toContain(secret);
    }
    for (const id of [t.office.id, ...t.counterIds]) expect(json).not.toContain(id);
    expect(json).not.toMatch(/nik|fullName|phone|"name":"(Siti|Budi|Dewi)/i);
  });

  it("refuses anyone without display.view", async () => {
    await expect(getDisplayState(citizen())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(getDisplayState(null as unknown as Actor)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(getDisplayState(operator)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("streams a snapshot, then each call of the device's office, and stops when the client leaves", async () => {
    const abort = new AbortController();
    const response = await GET(request(await displayToken(), abort.signal));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");

    const sse = new SseReader(response.body!);
    const snapshot = await sse.next<DisplayState>("snapshot");
    expect(snapshot.counters.map((c) => c.number)).toEqual([1, 2]);

    const hub = await getQueueEventsHub();
    expect(hub.subscriberCount()).toBe(1);
    const event: QueueEvent = { officeId: t.office.id, kind: "call", queueNumber: "A-017", counterNumber: 2, counterName: "Loket 2", at: new Date().toISOString() };
    await testDb.handle.db.transaction((tx) => publishQueueEvent(tx, { ...event, officeId: crypto.randomUUID(), queueNumber: "Z-999" }));
    await testDb.handle.db.transaction((tx) => publishQueueEvent(tx, event));
    const received = await sse.next<Record<string, unknown>>("queue");
    expect(received).toEqual({ kind: "call", queueNumber: "A-017", counterNumber: 2, counterName: "Loket 2", at: event.at });

    // An "update" (finish, no-show, transfer) is followed by a fresh snapshot.
    await call(1, 1, new Date());
    await testDb.handle.db.transaction((tx) => publishQueueEvent(tx, { officeId: t.office.id, kind: "update", at: new Date().toISOString() }));
    const fresh = await sse.next<DisplayState>("snapshot");
    expect(fresh.counters[1]!.current?.queueNumber).toBe(people[1]!.queueNumber);

    abort.abort();
    expect(await sse.nextFrame()).toBeNull();
    expect(hub.subscriberCount()).toBe(0);
  });

  it("lets go of the hub when the consumer cancels without an abort, and later events do no harm", async () => {
    const hub = await getQueueEventsHub();
    const before = hub.subscriberCount();
    const sse = new SseReader((await GET(request(await displayToken()))).body!);
    await sse.next("snapshot");
    expect(hub.subscriberCount()).toBe(before + 1);
    await sse.cancel();
    expect(hub.subscriberCount()).toBe(before);
    await testDb.handle.db.transaction((tx) => publishQueueEvent(tx, { officeId: t.office.id, kind: "call", queueNumber: "A-001", counterNumber: 1, at: new Date().toISOString() }));
    await sleep(100);
  });

  it("answers a missing, unknown or revoked device with 401 and no data", async () => {
    for (const token of [undefined, "forged-token"]) {
      const response = await GET(request(token));
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(await response.text()).not.toMatch(/snapshot|counters|Loket/);
    }
    const { device, token } = await activatedDisplay("Soon revoked");
    await revokeDevice(admin, { deviceId: device.id });
    expect((await GET(request(token))).status).toBe(401);
  });

  it("closes an open stream when its device is revoked, on every instance at once", async () => {
    const { device, token } = await activatedDisplay("Revoked live");
    const sse = new SseReader((await GET(request(token))).body!);
    await sse.next("snapshot");
    const started = Date.now();
    await revokeDevice(admin, { deviceId: device.id });
    await sse.next("revoked", 3000);
    expect(await sse.nextFrame()).toBeNull();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("also notices a revocation it was not told about, at the next heartbeat", async () => {
    const { device } = await createDevice(admin, { kind: "display", name: "Quietly revoked" });
    const actor = { type: "device" as const, deviceId: device.id, officeId: t.office.id, kind: "display" as const };
    const sse = new SseReader(await openDisplayStream(actor, { hub: await getQueueEventsHub(), heartbeatMs: 100 }));
    await sse.next("snapshot");
    await sleep(250);
    await testDb.handle.db.update(devices).set({ revokedAt: new Date() }).where(eq(devices.id, device.id));
    await sse.next("revoked", 2000);
    expect(await sse.nextFrame()).toBeNull();
  });

  itOnPostgres("delivers a call to the SSE client within a second (latency, median of 20)", async () => {
    const abort = new AbortController();
    const sse = new SseReader((await GET(request(await displayToken(), abort.signal))).body!);
    await sse.next("snapshot");
    const fromCommit: number[] = [];
    const fromStart: number[] = [];
    for (let i = 0; i < 20; i++) {
      const queueNumber = `L-${String(i).padStart(3, "0")}`;
      const start = performance.now();
      await testDb.handle.db.transaction((tx) => publishQueueEvent(tx, { officeId: t.office.id, kind: "call", queueNumber, counterNumber: 1, at: new Date().toISOString() }));
      const committed = performance.now();
      const got = await sse.next<{ queueNumber: string }>("queue");
      const arrived = performance.now();
      expect(got.queueNumber).toBe(queueNumber);
      fromCommit.push(arrived - committed);
      fromStart.push(arrived - start);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.info(
      `[latency] NOTIFY→SSE chunk on PostgreSQL, 20 events: median ${median(fromStart).toFixed(2)} ms from transaction start ` +
        `(max ${Math.max(...fromStart).toFixed(2)} ms), median ${median(fromCommit).toFixed(2)} ms after COMMIT returned`,
    );
    expect(median(fromStart)).toBeLessThan(1000);
    abort.abort();
  });
});
