import "server-only";
import type { Office } from "@/db/schema";
import { addDays, localDate } from "../dates";
import { getDb } from "../db";
import { previousMonthRange } from "../reports/range";
import type { IkmGrade } from "../survey/skm";
import { loadDayPlans, loadUsage } from "./calendar";
import { listLotteryDraws, listOpenLotteries, type LotteryCountDTO } from "./lottery/counts";
import { requireReportedOffice } from "./places";
import { aggregateIkm } from "./reports/ikm";
import { aggregateVisits } from "./reports/visits";
import { withDefaults, type CommandOptions } from "./command-options";

/**
 * Small cells are withheld: a rate, a median or an index over fewer people than this could point at
 * someone (and says little anyway). The counts of places are not about people and are always shown.
 */
export const MIN_CELL = 10;
const TRANSPARENCY_DAYS = 7;
const CACHE_MS = 60_000;

export type Transparency = {
  office: { slug: string; name: string };
  days: { date: string; capacity: number; booked: number; remaining: number }[];
  lastMonth: {
    from: string;
    to: string;
    noShowRate: number | null;
    medianWaitMinutes: number | null;
    ikm: number | null;
    ikmGrade: IkmGrade | null;
    responses: number;
  };
  /** Fair release (issue 9): dates in their lottery window now, then the draws of the last 30 days. */
  lottery: LotteryCountDTO[];
};

const cache = new Map<string, { at: number; value: Promise<Transparency> }>();

/** The public numbers, the same for everyone: computed at most once a minute per office and instance. */
export function getTransparency({ officeSlug }: { officeSlug?: string }, options: CommandOptions = {}): Promise<Transparency> {
  const { now } = withDefaults(options);
  const key = officeSlug ?? "";
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.at < CACHE_MS && now.getTime() >= hit.at) return hit.value;
  const value = computeTransparency({ officeSlug }, { now });
  cache.set(key, { at: now.getTime(), value });
  value.catch(() => cache.delete(key));
  return value;
}

/** Uncached, for tests and the cache above. */
export async function computeTransparency({ officeSlug }: { officeSlug?: string }, options: CommandOptions = {}): Promise<Transparency> {
  const { now } = withDefaults(options);
  const db = await getDb();
  const office = await requireReportedOffice(officeSlug, db);
  const today = localDate(now, office.timezone);
  const lottery = [...(await listOpenLotteries({ officeSlug: office.slug }, { now })), ...(await listLotteryDraws(db, office, today))];
  return { office: { slug: office.slug, name: office.name }, days: await upcomingDays(office, today), lastMonth: await lastMonth(office, today), lottery };
}

async function upcomingDays(office: Office, today: string): Promise<Transparency["days"]> {
  const db = await getDb();
  const plans = await loadDayPlans(db, office, today, addDays(today, TRANSPARENCY_DAYS - 1));
  const usage = await loadUsage(db, office.id, plans.map((p) => p.date));
  return plans.map((p) => {
    const capacity = p.open ? Math.min(p.dayCap, p.sessions.reduce((sum, s) => sum + s.capacity, 0)) : 0;
    const booked = usage.get(p.date)?.day ?? 0;
    return { date: p.date, capacity, booked, remaining: Math.max(0, capacity - booked) };
  });
}

async function lastMonth(office: Office, today: string): Promise<Transparency["lastMonth"]> {
  const db = await getDb();
  const range = previousMonthRange(today);
  const params = { officeId: office.id, ...range, groupBy: "month" as const };
  const [visits, ikm] = await Promise.all([aggregateVisits(db, params), aggregateIkm(db, params)]);
  const total = visits.find((v) => v.dimension === "total");
  // Everyone expected at the counter: bookings not cancelled. Didn't come: called in vain, or never checked in.
  const expected = total ? total.booked - total.cancelled : 0;
  const absent = total ? total.noShow + total.expired : 0;
  const survey = ikm.find((i) => i.dimension === "total")?.result;
  const responses = survey?.responses ?? 0;
  return {
    ...range,
    noShowRate: expected >= MIN_CELL ? Math.round((absent / expected) * 1000) / 1000 : null,
    medianWaitMinutes: total && total.checkedIn >= MIN_CELL ? total.waitMedian : null,
    ikm: survey && responses >= MIN_CELL ? survey.ikm : null,
    ikmGrade: survey && responses >= MIN_CELL ? survey.grade : null,
    responses,
  };
}
