import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { ACTIVE_BOOKING_STATUSES, bookings, offices, services } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { hashNik, hashPhone } from "../crypto";
import { localDate } from "../dates";
import { getDb } from "../db";
import { AppError } from "../errors";
import { limitPersonRecoverBooking } from "../limits/booking";
import type { RecoverBookingInput } from "../validation/booking";
import { toBookingDTO, type BookingDTO } from "./booking-dto";
import { withDefaults, type CommandOptions } from "./command-options";

/**
 * NIK + the phone number used → the person's nearest active booking, for someone who lost the reference
 * (e.g. went back after booking and sent the form again). Both must match one booking; a wrong NIK, a
 * wrong phone, or no active booking all get the same 404. Proving the NIK is what the look-up asks too,
 * so the caller may then remember the booking as the look-up does. `date` narrows it to that day's booking.
 */
export async function recoverBooking(_actor: Actor, input: RecoverBookingInput & { date?: string }, options: CommandOptions = {}): Promise<BookingDTO> {
  const { now, locale } = withDefaults(options);
  const person = { nikHash: hashNik(input.nik), phoneHash: hashPhone(input.phone) };
  // Every attempt counts against the person's allowance too, not only the caller's address's.
  await limitPersonRecoverBooking(person);
  const db = await getDb();
  const rows = await db
    .select({ booking: bookings, service: services, office: offices })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(offices, eq(offices.id, bookings.officeId))
    .where(and(eq(bookings.nikHash, person.nikHash), eq(bookings.phoneHash, person.phoneHash), inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES])))
    .orderBy(asc(bookings.serviceDate), asc(bookings.sessionStartsAt));
  // A day already over waits for the expiry sweep; it is not the booking the person is looking for.
  // `date`: the person's booking of that day only (the form's "already booked that day").
  const found = rows.find((r) => r.booking.serviceDate >= localDate(now, r.office.timezone) && (!input.date || r.booking.serviceDate === input.date));
  if (!found) throw new AppError("not_found", "recover.notFound");
  return toBookingDTO(found.booking, found.service, found.office, locale);
}
