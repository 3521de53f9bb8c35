import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { bookings, counterServices, counters, services } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { localDate } from "../../dates";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { requireOfficeById } from "../offices";
import { serviceName } from "../services";
import { countWaiting } from "./calls";
import { requireCounter, withDefaults, type QueueOptions } from "./change";
import { selectEntries, type QueueEntryDTO } from "./entry-dto";

export type CounterDTO = { number: number; name: string; isActive: boolean; services: { slug: string; name: string }[] };

export type CounterView = {
  counter: CounterDTO;
  /** The citizens this counter has called or is serving, the most recent first (usually one). */
  open: QueueEntryDTO[];
  waiting: number;
  noShowAfterCalls: number;
  /** Where a citizen can be transferred to. */
  otherCounters: { number: number; name: string }[];
  services: { slug: string; name: string }[];
};

/** The office's counters with the services each serves, for choosing where to work. */
export async function listCounters(actor: Actor, options: QueueOptions = {}): Promise<CounterDTO[]> {
  assertCan(actor, "queue.operate");
  if (actor.type !== "staff") throw new AppError("forbidden", "error.forbidden");
  const { locale } = withDefaults(options);
  const db = await getDb();
  const rows = await db.select().from(counters).where(eq(counters.officeId, actor.officeId)).orderBy(asc(counters.number));
  const links =
    rows.length === 0
      ? []
      : await db
          .select({ counterId: counterServices.counterId, slug: services.slug, name: services.name, nameEn: services.nameEn })
          .from(counterServices)
          .innerJoin(services, eq(services.id, counterServices.serviceId))
          .where(inArray(counterServices.counterId, rows.map((c) => c.id)))
          .orderBy(asc(services.position));
  return rows.map((c) => ({
    number: c.number,
    name: c.name,
    isActive: c.isActive,
    services: links.filter((l) => l.counterId === c.id).map((l) => ({ slug: l.slug, name: serviceName(l, locale) })),
  }));
}

/** One counter's screen: who is at it now and how many are waiting for it. */
export async function getCounterView(actor: Actor, input: { counterNumber: number }, options: QueueOptions = {}): Promise<CounterView> {
  const all = await listCounters(actor, options);
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const counter = await requireCounter(db, actor, input, "queue.operate");
  const office = await requireOfficeById(counter.officeId, db);
  const today = localDate(now, office.timezone);
  const open = await selectEntries(
    db,
    and(eq(bookings.officeId, office.id), eq(bookings.serviceDate, today), eq(bookings.counterId, counter.id), inArray(bookings.status, ["called", "serving"])),
    locale,
    [desc(bookings.calledAt)],
  );
  const officeServices = await db
    .select()
    .from(services)
    .where(and(eq(services.officeId, office.id), eq(services.isActive, true)))
    .orderBy(asc(services.position));
  return {
    counter: all.find((c) => c.number === counter.number)!,
    open,
    waiting: await countWaiting(db, counter, today),
    noShowAfterCalls: office.noShowAfterCalls,
    otherCounters: all.filter((c) => c.number !== counter.number && c.isActive).map(({ number, name }) => ({ number, name })),
    services: officeServices.map((s) => ({ slug: s.slug, name: serviceName(s, locale) })),
  };
}
