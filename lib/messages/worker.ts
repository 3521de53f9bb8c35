import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { messageAttempts, messages, offices, type Message } from "@/db/schema";
import { retryDelayMs } from "./backoff";
import type { Channels } from "./channels";
import type { SendResult } from "./channels/types";
import { claimDueMessages, releaseLease, renewLease } from "./lease";
import { enqueueReminders, scheduleMorningReminders } from "./morning-reminder";
import { scheduleNearTurns } from "./near-turn";
import { buildOutgoing } from "./outgoing";

export type WorkerConfig = {
  channels: Channels;
  /** Base of the booking links in messages. */
  baseUrl: string;
  maxAttempts: number;
  /** First retry delay; doubles per attempt. */
  baseDelayMs?: number;
  /**
   * How long a claimed row stays invisible to other workers, renewed just before its send; a worker that
   * dies gives it back after this. Must exceed one send (the channels time out after 10 s and 20 s).
   */
  leaseMs?: number;
  batchSize?: number;
  /** Office-local time of the day-before reminder ("16:00"). */
  reminderAt?: string;
  /** The morning-of-visit reminder's time (office-local HH:MM); undefined: off (lib/messages/morning-reminder.ts). */
  morningReminderAt?: string;
  /** Test hook: runs after the provider answered and before the answer is committed (a crash point). */
  afterSend?: (message: Message, result: SendResult) => Promise<void>;
};

export type WorkerSummary = { reminders: number; nearTurns: number; noChannel: number; sent: number; retried: number; failed: number };

/** The worker's time source; read at every claim and every attempt. */
export type Clock = () => Date;

/**
 * One pass of the outbox worker: schedule due reminders and "your turn is near" messages, park messages whose channel is off as
 * "no_channel", then claim due rows (`FOR UPDATE SKIP LOCKED`, in a short transaction that leases them),
 * renew a row's lease just before its send (lib/messages/lease.ts), send it outside any transaction and
 * record the attempt. At least once: a worker that dies between the provider's answer and its commit leaves
 * the row leased, and it is sent again (with the same idempotency key) when the lease runs out. Two workers
 * never hold the same row, and a row is never sent twice while a send may be in flight, as long as one send
 * (the channel's time-out) is shorter than `leaseMs`. `now`: the real clock by default; a Date freezes time (tests).
 */
export async function runMessagesOnce(db: Database, config: WorkerConfig, now: Date | Clock = () => new Date()): Promise<WorkerSummary> {
  const clock: Clock = typeof now === "function" ? now : () => now;
  const start = clock();
  const summary: WorkerSummary = {
    reminders:
      (await scheduleReminders(db, start, config.reminderAt ?? "16:00")) +
      (config.morningReminderAt ? await scheduleMorningReminders(db, start, config.morningReminderAt) : 0),
    nearTurns: await scheduleNearTurns(db, start),
    noChannel: 0,
    sent: 0,
    retried: 0,
    failed: 0,
  };
  summary.noChannel = await parkUnroutable(db, config.channels, clock());
  const batchSize = config.batchSize ?? 20;
  const leaseMs = config.leaseMs ?? 5 * 60_000;
  // A channel whose settings are wrong (login, token, address) is left alone for the rest of the pass.
  const misconfigured = new Set<Message["channel"]>();
  for (;;) {
    const names = (["whatsapp", "email"] as const).filter((n) => config.channels[n] && !misconfigured.has(n));
    if (names.length === 0) return summary;
    const claimed = await claimDueMessages(db, names, clock(), batchSize, leaseMs);
    for (const message of claimed) {
      if (misconfigured.has(message.channel)) {
        await releaseLease(db, message, clock());
        continue;
      }
      if (!(await renewLease(db, message, clock(), leaseMs))) continue; // another worker took it over
      const outcome = await deliverMessage(db, message, config, clock);
      if (outcome.configuration) {
        misconfigured.add(message.channel);
        console.error(`[antrean] messages: the ${message.channel} channel is misconfigured (${outcome.configuration}); its messages wait and are retried, none is failed for it`);
      }
      summary[outcome.counted]++;
    }
    if (claimed.length < batchSize) return summary;
  }
}

type Delivery = { counted: "sent" | "retried" | "failed" | "noChannel"; configuration?: string };

async function deliverMessage(db: Database, message: Message, config: WorkerConfig, clock: Clock): Promise<Delivery> {
  const channel = config.channels[message.channel]!;
  let result: SendResult;
  let text: string | null = null;
  if (!message.recipient) {
    result = { ok: false, retry: false, error: "no recipient (purged or never given)" };
  } else {
    try {
      const [office] = await db.select({ timezone: offices.timezone }).from(offices).where(eq(offices.id, message.officeId));
      const outgoing = await buildOutgoing(db, message, office?.timezone ?? "Asia/Jakarta", config.baseUrl, clock());
      text = outgoing.text;
      result = await channel.send(outgoing);
    } catch (error) {
      result = { ok: false, retry: true, error: error instanceof Error ? error.message : String(error) };
    }
  }
  await config.afterSend?.(message, result);
  const now = clock();
  const configuration = result.ok ? undefined : result.configuration;
  const gaveUp = !result.ok && (!result.retry || message.attempts >= config.maxAttempts);
  // Out of attempts on a configuration fault: parked like a channel that is off, for Resend once it is fixed.
  const status = result.ok ? "sent" : !gaveUp ? "queued" : configuration ? "no_channel" : "failed";
  await db.transaction(async (tx) => {
    await tx.insert(messageAttempts).values({
      messageId: message.id,
      attemptedAt: now,
      channel: message.channel,
      isSuccess: result.ok,
      providerStatus: result.providerStatus ?? null,
      providerAnswer: result.answer ?? null,
      error: result.ok ? null : result.error,
    });
    await tx
      .update(messages)
      .set(
        result.ok
          ? { status: "sent", sentAt: now, providerMessageId: result.providerMessageId ?? null, renderedText: text, lastError: null, updatedAt: now }
          : {
              status,
              lastError: result.error,
              renderedText: text,
              nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts, config.baseDelayMs)),
              updatedAt: now,
            },
      )
      // Only while this worker still holds the claim (same attempt number, not resent or cancelled meanwhile).
      .where(and(eq(messages.id, message.id), eq(messages.status, "queued"), eq(messages.attempts, message.attempts)));
  });
  const counted = status === "sent" ? "sent" : status === "queued" ? "retried" : status === "no_channel" ? "noChannel" : "failed";
  return { counted, configuration };
}

/** Queued rows on a channel that is off wait as "no_channel" for staff, never dropped. */
async function parkUnroutable(db: Database, channels: Channels, now: Date): Promise<number> {
  const off = (["whatsapp", "email"] as const).filter((n) => !channels[n]);
  if (off.length === 0) return 0;
  const rows = await db
    .update(messages)
    .set({ status: "no_channel", lastError: "no channel configured", updatedAt: now })
    .where(and(eq(messages.status, "queued"), sql`${messages.nextAttemptAt} <= ${now.toISOString()}::timestamptz`, sql`${messages.channel}::text in (${sql.join(off.map((c) => sql`${c}`), sql`, `)})`))
    .returning({ id: messages.id });
  return rows.length;
}

/**
 * The day-before reminders: from `reminderAt` (office-local) until midnight, every active booking for
 * tomorrow that was made before the reminder time and has not opted out gets one per channel. Its key
 * carries the date, so a pass repeated every few seconds writes it once; a booking made after the
 * reminder time already has its confirmation and gets none.
 */
export async function scheduleReminders(db: Database, now: Date, reminderAt: string): Promise<number> {
  return enqueueReminders(db, now, reminderAt, "reminder");
}
