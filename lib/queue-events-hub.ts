import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DatabaseHandle } from "@/db/client";
import { DEVICE_CHANNEL } from "./dal/devices";
import { QUEUE_CHANNEL, type QueueEvent } from "./dal/queue-events";
import { getDatabaseHandle } from "./db";

/** What a subscriber is told: an event for its office, "re-read the state", or "your device was revoked". */
export type HubSignal = { type: "event"; event: QueueEvent } | { type: "resync" } | { type: "revoked" };
export type HubListener = (signal: HubSignal) => void;

export type QueueEventsHub = {
  /** Resolves once the LISTEN is in place, so a snapshot read afterwards misses nothing. */
  subscribe(filter: { officeId: string; deviceId?: string }, listener: HubListener): Promise<() => void>;
  subscriberCount(): number;
  close(): Promise<void>;
};

export type HubOptions = { watchdogMs?: number; pingTimeoutMs?: number };

const QueueEventSchema = z.object({
  officeId: z.string(),
  kind: z.enum(["call", "recall", "update"]),
  queueNumber: z.string().max(20).optional(),
  counterNumber: z.number().int().optional(),
  counterName: z.string().max(100).optional(),
  at: z.string().max(40),
});
const PingSchema = z.object({ ping: z.string() });
const RevokedSchema = z.object({ deviceId: z.string() });

type Subscriber = { officeId: string; deviceId?: string; listener: HubListener };

function parse(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}

/**
 * One LISTEN per app process, fanned out in memory to the open display streams. Every instance runs its
 * own, so a call made through any instance reaches every screen. A watchdog pings the channel through
 * the database; if its own ping does not come back, the LISTEN is rebuilt and subscribers re-read.
 */
export function createQueueEventsHub(handle: DatabaseHandle, options: HubOptions = {}): QueueEventsHub {
  const { watchdogMs = 30_000, pingTimeoutMs = 10_000 } = options;
  const hubId = randomUUID();
  const subscribers = new Set<Subscriber>();
  let listening: Promise<Array<() => Promise<void>>> | null = null;
  let listenCount = 0;
  let pending: { id: string; timer: NodeJS.Timeout } | null = null;
  let watchdog: NodeJS.Timeout | null = null;
  let isClosed = false;

  const broadcast = (signal: HubSignal, match: (s: Subscriber) => boolean) => {
    for (const s of subscribers) {
      if (!match(s)) continue;
      try {
        s.listener(signal);
      } catch (error) {
        console.error("[queue-events] subscriber failed", error);
      }
    }
  };

  const onQueue = (payload: string) => {
    const value = parse(payload);
    const ping = PingSchema.safeParse(value);
    if (ping.success) {
      if (pending?.id === ping.data.ping) {
        clearTimeout(pending.timer);
        pending = null;
      }
      return;
    }
    const event = QueueEventSchema.safeParse(value);
    if (event.success) broadcast({ type: "event", event: event.data }, (s) => s.officeId === event.data.officeId);
  };

  const onDevice = (payload: string) => {
    const revoked = RevokedSchema.safeParse(parse(payload));
    if (revoked.success) broadcast({ type: "revoked" }, (s) => s.deviceId === revoked.data.deviceId);
  };

  // The first LISTEN is the start; every later one follows a reconnect, after which events may be lost.
  const onListen = () => {
    if (listenCount++ > 0) broadcast({ type: "resync" }, () => true);
  };

  const start = () => {
    listening ??= Promise.all([handle.listen(QUEUE_CHANNEL, onQueue, onListen), handle.listen(DEVICE_CHANNEL, onDevice)]).catch(
      (error: unknown) => {
        listening = null;
        throw error;
      },
    );
    watchdog ??= setInterval(() => void checkListening(), watchdogMs);
    watchdog.unref();
    return listening;
  };

  const relisten = async () => {
    const old = listening;
    listening = null;
    // Not awaited: on a dead connection the UNLISTEN may hang, and the listener is dropped synchronously anyway.
    void old?.then((unlisteners) => unlisteners.forEach((u) => void u().catch(() => {}))).catch(() => {});
    listenCount = 0;
    await start();
    broadcast({ type: "resync" }, () => true);
  };

  const checkListening = async () => {
    if (isClosed || subscribers.size === 0 || pending) return;
    const id = `${hubId}:${Date.now()}`;
    pending = {
      id,
      timer: setTimeout(() => {
        pending = null;
        relisten().catch((error: unknown) => console.error("[queue-events] re-listen failed; retrying at the next check", error));
      }, pingTimeoutMs),
    };
    await handle.db.execute(sql`select pg_notify(${QUEUE_CHANNEL}, ${JSON.stringify({ ping: id })})`).catch(() => {});
  };

  return {
    async subscribe(filter, listener) {
      const subscriber: Subscriber = { ...filter, listener };
      subscribers.add(subscriber);
      try {
        await start();
      } catch (error) {
        subscribers.delete(subscriber);
        throw error;
      }
      return () => void subscribers.delete(subscriber);
    },
    subscriberCount: () => subscribers.size,
    async close() {
      isClosed = true;
      if (watchdog) clearInterval(watchdog);
      if (pending) clearTimeout(pending.timer);
      subscribers.clear();
      const unlisteners = await listening?.catch(() => []);
      await Promise.all((unlisteners ?? []).map((u) => u().catch(() => {})));
    },
  };
}

const globalForHub = globalThis as unknown as { antreanHubs?: WeakMap<DatabaseHandle, QueueEventsHub> };

/** The process's hub for the process's database, created on first use. */
export async function getQueueEventsHub(): Promise<QueueEventsHub> {
  const handle = await getDatabaseHandle();
  const hubs = (globalForHub.antreanHubs ??= new WeakMap());
  let hub = hubs.get(handle);
  if (!hub) {
    hub = createQueueEventsHub(handle);
    hubs.set(handle, hub);
  }
  return hub;
}
