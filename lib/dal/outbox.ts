import "server-only";
import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { messages, type Message } from "@/db/schema";
import type { StaffActor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { addDays, zonedInstant } from "../dates";
import { getDb } from "../db";
import { AppError } from "../errors";
import { writeAudit } from "./audit";
import { requireOfficeById } from "./offices";
import { withDefaults, type CommandOptions } from "./command-options";

export type OutboxEntry = Pick<Message, "id" | "kind" | "channel" | "status" | "attempts" | "lastError" | "createdAt" | "sentAt"> & { reference: string };
export type OutboxDay = { entries: OutboxEntry[]; counts: Record<Message["status"], number> };

/** The office's messages written on one office-local date, newest first, with counts per status. No addresses. */
export async function listOutbox(actor: StaffActor, input: { date: string }): Promise<OutboxDay> {
  const { date } = input;
  assertCan(actor, "messages.manage", actor.officeId);
  const office = await requireOfficeById(actor.officeId);
  const db = await getDb();
  const rows = await db
    .select({
      id: messages.id,
      kind: messages.kind,
      channel: messages.channel,
      status: messages.status,
      attempts: messages.attempts,
      lastError: messages.lastError,
      createdAt: messages.createdAt,
      sentAt: messages.sentAt,
      reference: sql<string>`${messages.params}->>'reference'`,
    })
    .from(messages)
    .where(
      and(
        eq(messages.officeId, office.id),
        gte(messages.createdAt, zonedInstant(date, "00:00", office.timezone)),
        lt(messages.createdAt, zonedInstant(addDays(date, 1), "00:00", office.timezone)),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1000);
  const counts = { queued: 0, sent: 0, failed: 0, no_channel: 0, cancelled: 0 };
  for (const row of rows) counts[row.status]++;
  return { entries: rows, counts };
}

/**
 * Puts a failed or unsent message back in the queue with a fresh allowance of attempts (its history stays
 * in message_attempts); audited. A sent, waiting or withdrawn message cannot be resent (409).
 */
export async function resendMessage(actor: StaffActor, input: { messageId: string }, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  const { messageId } = input;
  assertCan(actor, "messages.manage", actor.officeId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [message] = await tx.select().from(messages).where(and(eq(messages.id, messageId), eq(messages.officeId, actor.officeId))).for("update");
    if (!message) throw new AppError("not_found", "error.notFound");
    if (!["failed", "no_channel"].includes(message.status)) throw new AppError("invalid_transition", "error.invalidTransition");
    await tx
      .update(messages)
      .set({ status: "queued", attempts: 0, nextAttemptAt: now, updatedAt: now })
      .where(and(eq(messages.id, message.id), inArray(messages.status, ["failed", "no_channel"])));
    await writeAudit(tx, { officeId: actor.officeId, actor, action: "message.resend", bookingId: message.bookingId, details: { messageId: message.id, kind: message.kind, channel: message.channel, was: message.status } });
  });
}
