import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { QueueEvent } from "../queue-event";

export type { QueueEvent } from "../queue-event";

/** The PostgreSQL channel every app instance LISTENs on for live queue changes. */
export const QUEUE_CHANNEL = "antrean_queue";

/**
 * Publishes inside the caller's transaction: PostgreSQL delivers a NOTIFY only on commit, so a rolled-back
 * call is never announced, and every instance (each with its own LISTEN) receives it.
 */
export async function publishQueueEvent(tx: Executor, event: QueueEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${QUEUE_CHANNEL}, ${JSON.stringify(event)})`);
}
