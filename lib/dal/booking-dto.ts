import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bookings, offices, services, type Booking, type Office, type Service } from "@/db/schema";
import { normalizeTime } from "../dates";
import type { Locale } from "../i18n/messages";
import { formatPhoneLocal } from "../phone";
import { formatQueueNumber, formatReference } from "../reference";
import { sessionLabel } from "../schedule";
import { serviceName } from "./services";

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

export function toBookingDTO(row: Booking, service: Service, office: Office, locale: Locale): BookingDTO {
  const start = normalizeTime(row.sessionStartsAt);
  const end = normalizeTime(row.sessionEndsAt);
  return {
    reference: row.reference,
    referenceDisplay: formatReference(row.reference),
    queueNumber: formatQueueNumber(row.queueLetter, row.queueSeq),
    status: row.status,
    channel: row.channel,
    date: row.serviceDate,
    session: { id: start, label: sessionLabel(start, end), start, end },
    service: { slug: service.slug, name: serviceName(service, locale), nameLang: locale === "en" && service.nameEn ? "en" : "id", category: service.category },
    office: { slug: office.slug, name: office.name, shortName: office.shortName, address: office.address, timezone: office.timezone },
    nikMasked: row.nikMasked,
    name: row.fullName,
    phone: row.phone ? formatPhoneLocal(row.phone) : null,
    email: row.email,
    isPriority: row.isPriority,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
  };
}

/** A booking with its service and office, by a condition on the bookings table. */
export async function selectBookingWith(db: Executor, where: ReturnType<typeof eq>) {
  const [row] = await db
    .select({ booking: bookings, service: services, office: offices })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(offices, eq(offices.id, bookings.officeId))
    .where(where);
  return row ?? null;
}
