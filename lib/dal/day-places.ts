import "server-only";
import { getDb } from "../db";
import { loadDayPlan } from "./calendar";
import { findOffice } from "./offices";

/** How long a date's place count is reused: it sizes a rate limit, so a minute's staleness is harmless. */
const TTL_MS = 60_000;
const remembered = new Map<string, { places: number; until: number }>();

/**
 * The places an office offers on a date (0 when closed or the office is unknown), remembered for a minute
 * per process so the rate limit that reads it adds no queries to the rush.
 */
export async function getDayPlaces(officeSlug: string | undefined, date: string): Promise<number> {
  const db = await getDb();
  const office = await findOffice(officeSlug, db);
  if (!office) return 0;
  const key = `${office.id}:${date}`;
  const hit = remembered.get(key);
  if (hit && hit.until > Date.now()) return hit.places;
  const plan = await loadDayPlan(db, office, date);
  const places = plan.open ? plan.dayCap : 0;
  if (remembered.size > 10_000) remembered.clear();
  remembered.set(key, { places, until: Date.now() + TTL_MS });
  return places;
}
