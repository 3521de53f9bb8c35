import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { messages, type Message } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { addDays, localDate, zonedInstant } from "../dates";
import { getDb } from "../db";
import { commandOffice, withDefaults, type CommandOptions } from "./command-options";
import { requireOfficeById } from "./offices";

export type StatusCounts = Record<Message["status"], number>;
export type OutboxCounts = { today: StatusCounts; week: StatusCounts };

const empty = (): StatusCounts => ({ queued: 0, sent: 0, failed: 0, no_channel: 0, cancelled: 0 });

/** Messages written today and in the last 7 office-local days (today included), per status: one grouped scan. */
export async function getOutboxCounts(actor: Actor, input: { officeId?: string } = {}, options: CommandOptions = {}): Promise<OutboxCounts> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "messages.manage", officeId);
  const { now } = withDefaults(options);
  const office = await requireOfficeById(officeId);
  const today = localDate(now, office.timezone);
  const todayStart = zonedInstant(today, "00:00", office.timezone);
  const weekStart = zonedInstant(addDays(today, -6), "00:00", office.timezone);
  const db = await getDb();
  const rows = await db
    .select({
      status: messages.status,
      week: sql<number>`count(*)::int`,
      today: sql<number>`(count(*) filter (where ${messages.createdAt} >= ${todayStart.toISOString()}::timestamptz))::int`,
    })
    .from(messages)
    .where(and(eq(messages.officeId, officeId), gte(messages.createdAt, weekStart)))
    .groupBy(messages.status);
  const out = { today: empty(), week: empty() };
  for (const row of rows) {
    out.today[row.status] = Number(row.today);
    out.week[row.status] = Number(row.week);
  }
  return out;
}
