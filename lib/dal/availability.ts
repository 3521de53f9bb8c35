import "server-only";
import type { Executor } from "@/db/client";
import type { Office, Service } from "@/db/schema";
import { evaluateDay, nextDateWithRoom, type DayAvailabilityCore, type DayReasonCode, type SessionAvailability } from "../availability";
import { bookableDateRange } from "../booking-window";
import type { Channel } from "../capacity";
import { addDays, isServiceDate, localDate } from "../dates";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { MessageKey } from "../i18n/messages";
import type { Translator } from "../i18n/translate";
import { applyOutages } from "../outage";
import { loadDayPlans, loadUsage } from "./calendar";
import { loadActiveOutages } from "./outage-reads";
import { requireOffice } from "./offices";
import { cachedRead } from "./read-cache";
import { requireService, serviceName } from "./services";

/**
 * `reason` explains a closed or full day; `note` names a special open day (e.g. "Layanan Sabtu"); a full
 * day names the next later date with room (`nextDateWithRoom`, null if none in the range).
 */
export type DayAvailability = Omit<DayAvailabilityCore, "sessions"> & {
  /** A session closed by the office carries its public `reason` in the reader's language. */
  sessions: (SessionAvailability & { reason?: string })[];
  reason?: string;
  note?: string;
  nextDateWithRoom?: string | null;
  outage?: string;
};

export type AvailabilityResult = {
  office: { slug: string; name: string; bookingOpensAt: string };
  service: { slug: string; name: string };
  days: DayAvailability[];
  /** The first date with a free place, to point to when the chosen one is full. */
  firstAvailableDate: string | null;
};

const REASON_KEY: Record<DayReasonCode, MessageKey> = {
  holiday: "day.reason.holiday",
  closure: "day.reason.closure",
  not_a_service_day: "day.reason.notAServiceDay",
  booking_closed: "day.reason.bookingClosed",
  not_yet_open: "day.reason.notYetOpen",
  full: "day.reason.full",
  outage: "day.reason.outage",
};

type AvailabilityParams = {
  officeSlug?: string;
  serviceSlug: string;
  from?: string;
  days?: number;
  channel?: Channel;
  t: Translator;
  now?: Date;
};

/**
 * Dates and sessions with the places left for a channel, with each closed day's reason in the reader's
 * language. The answer is the same for everyone: it comes from the read cache (at most a second old,
 * dropped at once by a booking or cancellation in this process). Callers must not change it.
 */
export function getAvailability(params: AvailabilityParams): Promise<AvailabilityResult> {
  const { officeSlug, serviceSlug, from, days, channel, t, now } = params;
  const key = [officeSlug, serviceSlug, from, days, channel, t.locale, now?.getTime()].join("|");
  return cachedRead("usage", `availability:${key}`, () => readAvailability(params));
}

async function readAvailability(params: AvailabilityParams): Promise<AvailabilityResult> {
  const db = await getDb();
  const now = params.now ?? new Date();
  const channel = params.channel ?? "online";
  const office = await requireOffice(params.officeSlug, db);
  const service = await requireService(office, params.serviceSlug, db);
  const defaultFrom = channel === "online" ? bookableDateRange(now, office).from : localDate(now, office.timezone);
  const from = params.from ?? defaultFrom;
  const dayCount = params.days ?? office.bookingDaysAhead;
  // Behind the shared DateSchema: a date PostgreSQL cannot hold must never reach it (a 500 otherwise).
  if (!isServiceDate(from) || !isServiceDate(addDays(from, dayCount - 1))) {
    throw new AppError("validation", "field.date.invalid", { fields: { from: ["field.date.invalid"] } });
  }
  const days = await evaluateRange(db, office, service, from, addDays(from, dayCount - 1), channel, now);
  return {
    office: { slug: office.slug, name: office.name, bookingOpensAt: office.bookingOpensAt.slice(0, 5) },
    service: { slug: service.slug, name: serviceName(service, params.t.locale) },
    days: days.map((d) => {
      const day = localizeDay(d, params.t);
      return d.reasonCode === "full" ? { ...day, nextDateWithRoom: nextDateWithRoom(days, d.date) } : day;
    }),
    firstAvailableDate: days.find((d) => d.sessions.some((s) => s.remaining > 0))?.date ?? null,
  };
}

export async function evaluateRange(
  db: Executor,
  office: Office,
  service: Service,
  from: string,
  to: string,
  channel: Channel,
  now: Date,
): Promise<(DayAvailabilityCore & { note: { id: string; en: string | null } | null; outage?: { id: string; en: string | null } })[]> {
  const outages = await loadActiveOutages(db, office.id, from, to);
  const plans = (await loadDayPlans(db, office, from, to)).map((p) => applyOutages(p, outages, service.id));
  const usage = await loadUsage(db, office.id, plans.filter((p) => p.open).map((p) => p.date));
  return plans.map((plan) => ({
    ...evaluateDay(plan, usage.get(plan.date) ?? { day: 0, sessions: new Map(), services: new Map() }, {
      office,
      serviceId: service.id,
      serviceCap: service.dailyCap,
      channel,
      now,
    }),
    note: plan.note,
    ...(plan.outage ? { outage: plan.outage } : {}),
  }));
}

export function localizeDay(day: DayAvailabilityCore & { note: { id: string; en: string | null } | null; outage?: { id: string; en: string | null } }, t: Translator): DayAvailability {
  const { note, outage, ...rest } = day;
  // An outage (the switch) is named on its day, whether it closed the day or only some sessions.
  if (outage) return { ...localizeDay({ ...rest, note }, t), outage: t("day.reason.outage", { name: t.locale === "en" && outage.en ? outage.en : outage.id }) };
  const core = { ...rest, sessions: rest.sessions.map((s) => (s.closed ? { ...s, reason: t.locale === "en" && s.closed.en ? s.closed.en : s.closed.id } : s)) };
  const noteText = note ? (t.locale === "en" && note.en ? note.en : note.id) : "";
  if (!core.reasonCode) return noteText ? { ...core, note: noteText } : core;
  return { ...core, reason: closedDayReason(core.reasonCode, noteText, t) };
}

/**
 * Why a day cannot be booked, in the reader's words: a holiday reads "Libur: …", a closure that is not a
 * holiday "Tutup: …" (a closed day without a public reason: "Tutup").
 */
function closedDayReason(code: DayReasonCode, noteText: string, t: Translator): string {
  if ((code === "holiday" || code === "closure") && !noteText) return t("day.reason.closed");
  return t(REASON_KEY[code], { name: noteText });
}
