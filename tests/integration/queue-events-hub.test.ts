import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { publishQueueEvent, type QueueEvent } from "@/lib/dal/queue-events";
import { createQueueEventsHub, type HubSignal, type QueueEventsHub } from "@/lib/queue-events-hub";
import { adminDatabaseUrl, DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, type TestOffice } from "../helpers/fixtures";

/** Collects a subscriber's signals and lets a test wait for one. */
function collector() {
  const signals: HubSignal[] = [];
  const waiters: Array<() => void> = [];
  return {
    signals,
    listener: (s: HubSignal) => {
      signals.push(s);
      waiters.splice(0).forEach((w) => w());
    },
    async waitFor(match: (s: HubSignal) => boolean, timeoutMs = 5000): Promise<HubSignal> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = signals.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching signal within ${timeoutMs} ms; got ${JSON.stringify(signals)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

const isCall = (queueNumber: string) => (s: HubSignal) => s.type === "event" && s.event.queueNumber === queueNumber;
const event = (officeId: string, queueNumber: string): QueueEvent => ({ officeId, kind: "call", queueNumber, counterNumber: 3, counterName: "Loket 3", at: new Date().toISOString() });
/** postgres.js returns an array of rows, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? []);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DATABASE_KINDS)("queue events hub on %s", (kind) => {
  // A dropped LISTEN connection and a second app instance exist only with a PostgreSQL server; PGlite runs in-process.
  const itOnPostgres = kind === "postgres" ? it : () => undefined;

  let testDb: TestDatabase;
  let office: TestOffice;
  let other: TestOffice;
  const hubs: QueueEventsHub[] = [];
  const publish = (e: QueueEvent) => testDb.handle.db.transaction((tx) => publishQueueEvent(tx, e));

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    office = await createTestOffice(testDb.handle.db);
    other = await createTestOffice(testDb.handle.db);
  });
  afterAll(async () => {
    await Promise.all(hubs.map((h) => h.close()));
    await testDb.dispose();
  });

  const newHub = (handle: DatabaseHandle = testDb.handle, options = {}) => {
    const hub = createQueueEventsHub(handle, options);
    hubs.push(hub);
    return hub;
  };

  it("delivers an event published in a transaction to its office only, and none from a rollback", async () => {
    const hub = newHub();
    const mine = collector();
    const theirs = collector();
    await hub.subscribe({ officeId: office.office.id }, mine.listener);
    await hub.subscribe({ officeId: other.office.id }, theirs.listener);

    await testDb.handle.db
      .transaction(async (tx) => {
        await publishQueueEvent(tx, event(office.office.id, "A-999"));
        throw new Error("rollback");
      })
      .catch(() => {});
    await publish(event(office.office.id, "A-017"));
    const got = await mine.waitFor(isCall("A-017"));
    expect(got).toEqual({ type: "event", event: expect.objectContaining({ officeId: office.office.id, kind: "call", counterNumber: 3 }) });
    await sleep(200);
    expect(mine.signals.some(isCall("A-999"))).toBe(false);
    expect(theirs.signals).toEqual([]);
  });

  it("ignores payloads that are not queue events", async () => {
    const hub = newHub();
    const mine = collector();
    await hub.subscribe({ officeId: office.office.id }, mine.listener);
    await testDb.handle.db.execute(sql`select pg_notify('antrean_queue', 'not json')`);
    await testDb.handle.db.execute(sql`select pg_notify('antrean_queue', ${JSON.stringify({ officeId: office.office.id, kind: "explode", at: "x" })})`);
    await publish(event(office.office.id, "B-001"));
    await mine.waitFor(isCall("B-001"));
    expect(mine.signals).toHaveLength(1);
  });

  it("rebuilds a LISTEN that silently stopped delivering, and tells subscribers to re-read", async () => {
    // A handle whose listeners can be muted, as if the connection had died without anyone noticing.
    let generation = 0;
    let mutedUpTo = 0;
    const flaky: DatabaseHandle = {
      ...testDb.handle,
      listen: (channel, onPayload, onListen) => {
        const mine = ++generation;
        return testDb.handle.listen(channel, (p) => void (mine > mutedUpTo && onPayload(p)), onListen);
      },
    };
    const hub = newHub(flaky, { watchdogMs: 100, pingTimeoutMs: 300 });
    const mine = collector();
    await hub.subscribe({ officeId: office.office.id }, mine.listener);
    mutedUpTo = generation;
    await publish(event(office.office.id, "C-404"));
    await mine.waitFor((s) => s.type === "resync", 5000);
    await publish(event(office.office.id, "C-200"));
    await mine.waitFor(isCall("C-200"));
    expect(mine.signals.some(isCall("C-404"))).toBe(false);
  });

  itOnPostgres("re-reads after PostgreSQL drops the LISTEN connection", async () => {
    const hub = newHub();
    const mine = collector();
    await hub.subscribe({ officeId: office.office.id }, mine.listener);
    const killed = await testDb.handle.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`,
    );
    expect(rowsOf(killed).length).toBeGreaterThan(0);
    await mine.waitFor((s) => s.type === "resync", 10_000);
    await publish(event(office.office.id, "D-001"));
    await mine.waitFor(isCall("D-001"));
  });

  itOnPostgres("delivers one NOTIFY to every app instance (two handles, two hubs)", async () => {
    const [{ name }] = rowsOf<{ name: string }>(await testDb.handle.db.execute(sql`select current_database() as name`)) as [{ name: string }];
    const url = new URL(adminDatabaseUrl());
    url.pathname = `/${name}`;
    const second = openDatabase({ kind: "postgres", url: url.toString(), max: 2 });
    try {
      const a = collector();
      const b = collector();
      await newHub(testDb.handle).subscribe({ officeId: office.office.id }, a.listener);
      const hubB = createQueueEventsHub(second);
      await hubB.subscribe({ officeId: office.office.id }, b.listener);
      await publish(event(office.office.id, "E-042"));
      await Promise.all([a.waitFor(isCall("E-042")), b.waitFor(isCall("E-042"))]);
      // And the other way round: a call made through instance B reaches instance A.
      await second.db.transaction((tx) => publishQueueEvent(tx, event(office.office.id, "E-043")));
      await Promise.all([a.waitFor(isCall("E-043")), b.waitFor(isCall("E-043"))]);
      await hubB.close();
    } finally {
      await second.close();
    }
  });
});
