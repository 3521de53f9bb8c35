import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bookings, type Booking, type Office, type Service } from "@/db/schema";
import { evaluateDay, type DayUsage } from "../availability";
import { channelLimit, type Channel } from "../capacity";
import { hashNik } from "../crypto";
import { localDate } from "../dates";
import { AppError, isAppError } from "../errors";
import type { Locale } from "../i18n/messages";
import { ageOn, parseNik } from "../nik";
import type { UsageChange } from "./capacity-usage";
import { findOutageFor } from "../outage";
import { loadDayPlan } from "./calendar";
import { loadActiveOutages } from "./outage-reads";
import { findServiceForAge, serviceName } from "./services";

/** The booking rules shared by booking, rescheduling and the queue: who may, when, and which places. */


const full = () => new AppError("full", "error.full");
const UNCAPPED = 2_147_483_647;
const NO_USAGE: DayUsage = { day: 0, sessions: new Map(), services: new Map() };

/** The NIK matches, and so do the phone's last digits when they were asked for (see lib/limits/reference-guard.ts). */
export function provesNik(input: { nik: string; phoneLast4?: string }): SQL {
  const nik = eq(bookings.nikHash, hashNik(input.nik));
  return input.phoneLast4 ? and(nik, sql`right(${bookings.phone}, 4) = ${input.phoneLast4}`)! : nik;
}

/** Staff's waiver of a service's minimum age, after seeing the document that allows it (AssistBookingInput). */
export type AgeRuleOptions = { ignoreMinAge?: boolean };

/** The NIK's person: parsed with the office's today, and old/young enough for the service on the visit date. */
export function requirePerson(nik: string, service: Service, office: Office, date: string, now: Date, { ignoreMinAge = false }: AgeRuleOptions = {}) {
  const parsed = parseNik(nik, localDate(now, office.timezone));
  if (!parsed.ok) throw new AppError("validation", "error.validation", { fields: { nik: ["field.nik.format"] } });
  const age = ageOn(parsed.value.birthDate, date);
  if (service.minAge !== null && age < service.minAge && !ignoreMinAge) {
    throw new AppError("validation", "error.validation", { fields: { nik: ["field.nik.tooYoung"] }, params: { minAge: service.minAge } });
  }
  if (service.maxAge !== null && age > service.maxAge) {
    throw new AppError("validation", "error.validation", { fields: { nik: ["field.nik.tooOld"] }, params: { limit: service.maxAge + 1 } });
  }
  return { nik: parsed.value.nik, age, sex: parsed.value.sex };
}

/**
 * requirePerson, and when the person is too young or too old for the service, the error names the office's
 * service whose age rule fits them (a 10-year-old asking for a first KTP-el is pointed to KIA).
 */
export async function requirePersonOrSuggest(db: Executor, nik: string, service: Service, office: Office, date: string, now: Date, locale: Locale, rules: AgeRuleOptions = {}) {
  try {
    return requirePerson(nik, service, office, date, now, rules);
  } catch (error) {
    const refusedForAge = isAppError(error) && error.fields?.nik?.some((key) => key === "field.nik.tooYoung" || key === "field.nik.tooOld");
    const parsed = parseNik(nik, localDate(now, office.timezone));
    if (!refusedForAge || !parsed.ok) throw error;
    const alternative = await findServiceForAge(db, office, ageOn(parsed.value.birthDate, date), service.id);
    if (!alternative) throw error;
    throw new AppError(error.code, error.messageKey, {
      fields: error.fields,
      params: { ...error.params, suggestedService: alternative.slug, suggestedServiceName: serviceName(alternative, locale) },
    });
  }
}

/** The day's cap and the session, if this channel may book that session now; otherwise "closed" (409). */
export async function requireSlot(db: Executor, office: Office, service: Service, date: string, start: string, channel: Channel, now: Date) {
  const outages = await loadActiveOutages(db, office.id, date, date);
  // A suspended session (the outage switch) is refused with its own message, before anything is claimed.
  if (findOutageFor(outages, date, start, service.id)) throw new AppError("closed", "error.outage");
  const plan = await loadDayPlan(db, office, date);
  const bookable = evaluateDay(plan, NO_USAGE, { office, serviceId: service.id, serviceCap: service.dailyCap, channel, now });
  const planned = plan.open && bookable.sessions.some((s) => s.start === start) ? plan.sessions.find((s) => s.start === start) : undefined;
  if (!plan.open || !planned) throw new AppError("closed", "error.closed");
  return {
    start: planned.start,
    end: planned.end,
    limits: {
      day: channelLimit(plan.dayCap, office.walkInReservePercent, channel),
      session: channelLimit(planned.capacity, office.walkInReservePercent, channel),
    },
  };
}

/** Service usage is counted even without a cap, so a cap added later starts from the true count. */
export function claimChanges(office: Office, service: Service, date: string, sessionStart: string, limits: { day: number; session: number }): UsageChange[] {
  // The "full" error is made only when it is thrown: an Error captures its stack when constructed, which
  // every successful booking paid for nothing.
  const claim = (scope: "day" | "session" | "service", scopeKey: string, limit: number): UsageChange => ({
    officeId: office.id,
    serviceDate: date,
    scope,
    scopeKey,
    delta: 1,
    limit,
    get whenFull() {
      return full();
    },
  });
  return [claim("day", "", limits.day), claim("session", sessionStart, limits.session), claim("service", service.id, service.dailyCap ?? UNCAPPED)];
}

export function phoneChange(office: Office, date: string, phoneHash: string): UsageChange {
  return {
    officeId: office.id,
    serviceDate: date,
    scope: "phone",
    scopeKey: phoneHash,
    delta: 1,
    limit: office.phoneDailyLimit,
    get whenFull() {
      return new AppError("phone_limit", "error.phoneLimit", { params: { limit: office.phoneDailyLimit } });
    },
  };
}

/** The places a held booking occupies, to give back when it is cancelled, moved or expires. */
export function releaseChanges(office: Office, booking: Booking): UsageChange[] {
  const base = { officeId: office.id, serviceDate: booking.serviceDate, delta: -1 } as const;
  const changes: UsageChange[] = [
    { ...base, scope: "day", scopeKey: "" },
    { ...base, scope: "session", scopeKey: booking.sessionStartsAt.slice(0, 5) },
    { ...base, scope: "service", scopeKey: booking.serviceId },
  ];
  if (booking.phoneHash) changes.push({ ...base, scope: "phone", scopeKey: booking.phoneHash });
  return changes;
}
