import "server-only";
import { and, between, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { outages } from "@/db/schema";
import { getDb } from "../db";
import type { ActiveOutage } from "../outage";
import { cachedRead } from "./read-cache";

/** The outages still in force for these dates; outside a transaction from the read cache (≤ 1 s stale). */
export async function loadActiveOutages(db: Executor, officeId: string, from: string, to: string): Promise<ActiveOutage[]> {
  const read = async () => {
    const rows = await db
      .select()
      .from(outages)
      .where(and(eq(outages.officeId, officeId), between(outages.date, from, to), isNull(outages.liftedAt)));
    return rows.map((o) => ({ id: o.id, date: o.date, session: o.sessionStartsAt?.slice(0, 5) ?? null, serviceId: o.serviceId, reason: { id: o.reason, en: o.reasonEn } }));
  };
  if (db !== (await getDb())) return read();
  return cachedRead("settings", `outages:${officeId}:${from}:${to}`, read);
}

