import "server-only";
import { eq, getTableColumns, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bookings, counters, offices, services, type Booking, type Counter, type Office, type Service } from "@/db/schema";
import { normalizeTime } from "../dates";
import type { Locale } from "../i18n/messages";
import { formatPhoneLocal } from "../phone";
import { formatQueueNumber, formatReference } from "../reference";
import { sessionLabel } from "../schedule";
import { serviceName } from "./services";

/**
 * The booking columns every view reads: all but the NIK's hash and ciphertext. Only code that needs the
 * NIK itself (the age rule on reschedule) reads `nikEncrypted`, from the row it holds locked.
 */
const { nikEncrypted: _nikEncrypted, nikHash: _nikHash, ...viewColumns } = getTableColumns(bookings);
const bookingViewColumns = viewColumns;
export type BookingView = Omit<Booking, "nikEncrypted" | "nikHash">;

/** What the citizen, the print-out and the public API may see of a booking: no ids, the NIK masked. */
export type BookingDTO = {
  reference: string;
  referenceDisplay: string;
  queueNumber: string;
  status: Booking["status"];
  channel: Booking["channel"];
  date: string;
  session: { id: string; label: string; start: string; end: string };
  /** `nameLang`: the language `name` is in ("id" when the service has no English name yet). */
  service: { slug: string; name: string; nameLang: Locale; category: string };
  office: { slug: string; name: string; shortName: string; address: string | null; timezone: string };
  nikMasked: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  isPriority: boolean;
  createdAt: string;
  /** Moves on with every change (reschedule, cancel, check-in): the calendar file's revision. */
  updatedAt: string;
  checkedInAt: string | null;
};

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

/** The part every view of a booking shares. */
function common(row: BookingView) {
  const start = normalizeTime(row.sessionStartsAt);
  const end = normalizeTime(row.sessionEndsAt);
  return {
    reference: row.reference,
    referenceDisplay: formatReference(row.reference),
    queueNumber: formatQueueNumber(row.queueLetter, row.queueSeq),
    status: row.status,
    channel: row.channel,
    date: row.serviceDate,
    start,
    end,
    nikMasked: row.nikMasked,
    name: row.fullName,
    isPriority: row.isPriority,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
  };
}

/** The booking mapper, in the two views the callers need: the citizen's (`BookingDTO`) and the staff desk's. */
export function toBookingDTO(row: BookingView, service: Service, office: Office, locale: Locale): BookingDTO {
  const { start, end, ...base } = common(row);
  return {
    ...base,
    session: { id: start, label: sessionLabel(start, end), start, end },
    service: { slug: service.slug, name: serviceName(service, locale), nameLang: locale === "en" && service.nameEn ? "en" : "id", category: service.category },
    office: { slug: office.slug, name: office.name, shortName: office.shortName, address: office.address, timezone: office.timezone },
    phone: row.phone ? formatPhoneLocal(row.phone) : null,
    email: row.email,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toQueueEntryDTO(row: BookingView, service: Pick<Service, "slug" | "name" | "nameEn">, counter: Pick<Counter, "number" | "name"> | null, locale: Locale): QueueEntryDTO {
  const { start, end, ...base } = common(row);
  return {
    ...base,
    session: { start, end, label: sessionLabel(start, end) },
    service: { slug: service.slug, name: serviceName(service, locale) },
    priorityReason: row.priorityReason,
    calledAt: row.calledAt?.toISOString() ?? null,
    callCount: row.callCount,
    counter: counter ? { number: counter.number, name: counter.name } : null,
  };
}

/** Bookings with their service and (if any) counter, as staff-desk DTOs, by a condition on the bookings table. */
export async function selectEntries(db: Executor, where: SQL | undefined, locale: Locale, orderBy: SQL[] = []): Promise<QueueEntryDTO[]> {
  const rows = await db
    .select({ booking: bookingViewColumns, service: { slug: services.slug, name: services.name, nameEn: services.nameEn }, counter: { number: counters.number, name: counters.name } })
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

/** The citizen's view of one booking by id (after a change). */
export async function selectBookingDTO(db: Executor, bookingId: string, locale: Locale): Promise<BookingDTO> {
  const found = await selectBookingWith(db, eq(bookings.id, bookingId));
  return toBookingDTO(found!.booking, found!.service, found!.office, locale);
}

/** A booking (without its NIK columns) with its service and office, by a condition on the bookings table. */
export async function selectBookingWith(db: Executor, where: SQL | undefined) {
  const [row] = await db
    .select({ booking: bookingViewColumns, service: services, office: offices })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(offices, eq(offices.id, bookings.officeId))
    .where(where);
  return row ?? null;
}
