import "server-only";
import { eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bookings, counters, services, type Booking, type Counter, type Service } from "@/db/schema";
import { normalizeTime } from "../../dates";
import type { Locale } from "../../i18n/messages";
import { formatQueueNumber, formatReference } from "../../reference";
import { sessionLabel } from "../../schedule";
import { serviceName } from "../services";

/** A booking as the staff portal shows it: the NIK masked, no internal ids. */
export type QueueEntryDTO = {
  reference: string;
  referenceDisplay: string;
  queueNumber: string;
  date: string;
  session: { start: string; end: string; label: string };
  service: { slug: string; name: string };
  nikMasked: string;
  name: string | null;
  status: Booking["status"];
  channel: Booking["channel"];
  isPriority: boolean;
  priorityReason: Booking["priorityReason"];
  checkedInAt: string | null;
  calledAt: string | null;
  callCount: number;
  counter: { number: number; name: string } | null;
};

export function toQueueEntryDTO(row: Booking, service: Pick<Service, "slug" | "name" | "nameEn">, counter: Pick<Counter, "number" | "name"> | null, locale: Locale): QueueEntryDTO {
  const start = normalizeTime(row.sessionStartsAt);
  const end = normalizeTime(row.sessionEndsAt);
  return {
    reference: row.reference,
    referenceDisplay: formatReference(row.reference),
    queueNumber: formatQueueNumber(row.queueLetter, row.queueSeq),
    date: row.serviceDate,
    session: { start, end, label: sessionLabel(start, end) },
    service: { slug: service.slug, name: serviceName(service, locale) },
    nikMasked: row.nikMasked,
    name: row.fullName,
    status: row.status,
    channel: row.channel,
    isPriority: row.isPriority,
    priorityReason: row.priorityReason,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    calledAt: row.calledAt?.toISOString() ?? null,
    callCount: row.callCount,
    counter: counter ? { number: counter.number, name: counter.name } : null,
  };
}

/** Bookings with their service and (if any) counter, as DTOs, by a condition on the bookings table. */
export async function selectEntries(db: Executor, where: SQL | undefined, locale: Locale, orderBy: SQL[] = []): Promise<QueueEntryDTO[]> {
  const rows = await db
    .select({ booking: bookings, service: { slug: services.slug, name: services.name, nameEn: services.nameEn }, counter: { number: counters.number, name: counters.name } })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .leftJoin(counters, eq(counters.id, bookings.counterId))
    .where(where)
    .orderBy(...orderBy);
  return rows.map((r) => toQueueEntryDTO(r.booking, r.service, r.counter, locale));
}

export async function selectEntry(db: Executor, bookingId: string, locale: Locale): Promise<QueueEntryDTO> {
  const [entry] = await selectEntries(db, eq(bookings.id, bookingId), locale);
  return entry!;
}
