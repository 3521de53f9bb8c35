import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { bookings, counters, services } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { getDb } from "../../db";
import { localDate } from "../../dates";
import { AppError } from "../../errors";
import { formatQueueNumber } from "../../reference";
import { requireOfficeById } from "../offices";
import { serviceName } from "../services";
import { withDefaults, type CommandOptions } from "../command-options";

export type ManifestRow = {
  queueNumber: string;
  service: string;
  channel: (typeof bookings.$inferSelect)["channel"];
  status: (typeof bookings.$inferSelect)["status"];
  nikMasked: string;
  checkedInAt: string | null;
  firstCallAt: string | null;
  finishedAt: string | null;
};

export type CounterManifest = { date: string; timezone: string; counter: { number: number; name: string }; counters: { number: number; name: string }[]; rows: ManifestRow[] };

/**
 * A counter's day on paper: every visit it handled last (called, served, no-show, transferred here), in
 * the order of their first call. Masked NIKs only; for the supervisor's signature and the archive.
 */
export async function getCounterManifest(
  actor: Actor,
  input: { date?: string; counterNumber: number },
  options: CommandOptions = {},
): Promise<CounterManifest> {
  assertCan(actor, "reports.view");
  if (actor.type !== "staff") throw new AppError("forbidden", "error.forbidden");
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  // Without a date: today in the office's own zone (and the times on the sheet in that zone too).
  const { timezone } = await requireOfficeById(actor.officeId, db);
  const date = input.date ?? localDate(now, timezone);
  const all = await db.select().from(counters).where(eq(counters.officeId, actor.officeId)).orderBy(asc(counters.number));
  const counter = all.find((c) => c.number === input.counterNumber);
  if (!counter) throw new AppError("not_found", "error.notFound");
  const firstCall = sql<string | null>`(select min(c.called_at) from calls c where c.booking_id = ${bookings.id})`;
  const rows = await db
    .select({ booking: bookings, service: services, firstCallAt: firstCall.mapWith((v: unknown) => (v ? new Date(v as string).toISOString() : null)) })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(and(eq(bookings.officeId, actor.officeId), eq(bookings.serviceDate, date), eq(bookings.counterId, counter.id)))
    .orderBy(sql`${firstCall} nulls last`, asc(bookings.queueLetter), asc(bookings.queueSeq));
  return {
    date,
    timezone,
    counter: { number: counter.number, name: counter.name },
    counters: all.map((c) => ({ number: c.number, name: c.name })),
    rows: rows.map(({ booking, service, firstCallAt }) => ({
      queueNumber: formatQueueNumber(booking.queueLetter, booking.queueSeq),
      service: serviceName(service, locale),
      channel: booking.channel,
      status: booking.status,
      nikMasked: booking.nikMasked,
      checkedInAt: booking.checkedInAt?.toISOString() ?? null,
      firstCallAt,
      finishedAt: booking.finishedAt?.toISOString() ?? null,
    })),
  };
}
