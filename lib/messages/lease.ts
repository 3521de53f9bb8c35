import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { messages, type Message } from "@/db/schema";

/** Leases up to `limit` due rows of the given channels. Rows another worker holds are skipped, not waited for. */
export async function claimDueMessages(db: Database, channels: readonly string[], now: Date, limit: number, leaseMs: number): Promise<Message[]> {
  const at = now.toISOString();
  return db
    .update(messages)
    .set({ attempts: sql`${messages.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs), updatedAt: now })
    .where(
      sql`${messages.id} in (select "id" from "messages" where "status" = 'queued' and "next_attempt_at" <= ${at}::timestamptz
        and "channel"::text in (${sql.join(channels.map((c) => sql`${c}`), sql`, `)})
        order by "next_attempt_at" limit ${limit} for update skip locked)`,
    )
    .returning();
}

/**
 * Renews this worker's lease on a claimed row right before its send, so the row stays invisible for a
 * whole lease from the moment it goes out however long the rows before it took. False: the lease ran out
 * and another worker claimed the row (or it was cancelled or resent) — this worker must not send it.
 */
export async function renewLease(db: Database, message: Message, now: Date, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(messages)
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), updatedAt: now })
    .where(and(eq(messages.id, message.id), eq(messages.status, "queued"), eq(messages.attempts, message.attempts)))
    .returning({ id: messages.id });
  return rows.length === 1;
}

/** Gives a claimed, unsent row back as it was: due now, the claim's attempt not counted. */
export async function releaseLease(db: Database, message: Message, now: Date): Promise<void> {
  await db
    .update(messages)
    .set({ attempts: message.attempts - 1, nextAttemptAt: now, updatedAt: now })
    .where(and(eq(messages.id, message.id), eq(messages.status, "queued"), eq(messages.attempts, message.attempts)));
}
