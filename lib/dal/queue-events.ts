import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** The PostgreSQL channel every app instance LISTENs on for live queue changes. */
export const QUEUE_CHANNEL = "antrean_queue";

/** What the call display needs to know about a change: never a NIK or a name. */
export type QueueEvent = {
  officeId: string;
  kind: "call" | "recall" | "update";
  queueNumber?: string;
  counterNumber?: number;
  counterName?: string;
  at: string;
};

/**
 * Publishes inside the caller's transaction: PostgreSQL delivers a NOTIFY only on commit, so a rolled-back
 * call is never announced, and every instance (each with its own LISTEN) receives it.
 */
export async function publishQueueEvent(tx: Executor, event: QueueEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${QUEUE_CHANNEL}, ${JSON.stringify(event)})`);
}
