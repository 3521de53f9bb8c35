import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, DatabaseHandle } from "@/db/client";
import { auditLogs, bookings, devices, type Booking } from "@/db/schema";
import { citizen, type Actor } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { checkInBooking } from "@/lib/dal/queue/check-in";
import { QUEUE_CHANNEL, type QueueEvent } from "@/lib/dal/queue-events";
import { adultNik, makeNik, NOW, TODAY, uniquePhone, type TestOffice } from "./fixtures";

/** The day before NOW, 10:00 in Jakarta: online booking for TODAY is open then. */
export const DAY_BEFORE = new Date(NOW.getTime() - 86_400_000);
/** NOW plus some minutes (NOW is 10:00 in Jakarta). */
export const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

export type Booked = { reference: string; nik: string; queueNumber: string };

/** A citizen's online booking for TODAY, made the day before. Session by its start, e.g. "10:00". */
export async function bookToday(t: TestOffice, options: { session?: string; service?: string; nik?: string; elderly?: boolean } = {}): Promise<Booked> {
  const nik = options.nik ?? (options.elderly ? elderlyNik() : adultNik());
  const booking = await createBooking(
    citizen("127.0.0.1"),
    { office: t.office.slug, service: options.service ?? "kk", date: TODAY, session: options.session ?? "10:00", nik, name: "Warga Uji", phone: "+62" + uniquePhone().slice(1) },
    { locale: "id", now: DAY_BEFORE },
  );
  return { reference: booking.reference, nik, queueNumber: booking.queueNumber };
}

let elderlySerial = 1;
/** Born 1950: 76 at NOW, priority as lansia. */
export function elderlyNik(): string {
  return makeNik("1950-03-14", "M", 5000 + elderlySerial++);
}

/** Books and checks in, each at its own minute so check-in times differ. */
export async function bookAndCheckIn(t: TestOffice, actor: Actor, options: Parameters<typeof bookToday>[1] & { checkInAt?: Date } = {}): Promise<Booked> {
  const booked = await bookToday(t, options);
  await checkInBooking(actor, { reference: booked.reference, nik: booked.nik }, { now: options.checkInAt ?? NOW });
  return booked;
}

export async function kioskActor(db: Database, officeId: string, kind: "kiosk" | "display" = "kiosk"): Promise<Actor> {
  const [device] = await db.insert(devices).values({ officeId, kind, name: `Uji ${kind}`, tokenHash: randomBytes(16).toString("hex") }).returning();
  return { type: "device", deviceId: device!.id, officeId, kind, ip: "10.0.0.9" };
}

export async function rowOf(db: Database, reference: string): Promise<Booking> {
  const [row] = await db.select().from(bookings).where(eq(bookings.reference, reference));
  return row!;
}

export async function auditActions(db: Database, reference: string): Promise<string[]> {
  const row = await rowOf(db, reference);
  const rows = await db.select().from(auditLogs).where(eq(auditLogs.bookingId, row.id));
  return rows.map((r) => r.action).sort();
}

/** Collects queue events on a handle; `until(n)` waits (up to 5 s) for at least n of them. */
export async function listenQueue(handle: DatabaseHandle) {
  const events: QueueEvent[] = [];
  const raw: string[] = [];
  const stop = await handle.listen(QUEUE_CHANNEL, (payload) => {
    raw.push(payload);
    events.push(JSON.parse(payload) as QueueEvent);
  });
  return {
    events,
    raw,
    stop,
    async until(count: number): Promise<QueueEvent[]> {
      for (let i = 0; i < 100 && events.length < count; i++) await new Promise((r) => setTimeout(r, 50));
      return events;
    },
  };
}
