import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { capacityUsages } from "@/db/schema";
import type { AppError } from "../errors";
import { invalidateReads } from "./read-cache";

type Scope = (typeof capacityUsages.$inferSelect)["scope"];

export type UsageKey = { officeId: string; serviceDate: string; scope: Scope; scopeKey: string };

/** +1 within a limit (throws `whenFull` if the row is at its limit), or −1. */
export type UsageChange = UsageKey & ({ delta: 1; limit: number; whenFull: AppError } | { delta: -1 });

const SCOPE_ORDER: Record<Scope, number> = { day: 0, session: 1, service: 2, phone: 3, priority: 4, sequence: 5 };

/**
 * Applies the changes in one fixed order (date, then day → session → service → phone), so concurrent
 * transactions always lock counter rows in the same order and never deadlock. Every increment is a
 * conditional upsert: the row lock serialises competitors and `used < limit` is re-checked under it.
 */
export async function applyUsageChanges(tx: Executor, changes: UsageChange[]): Promise<void> {
  const ordered = [...changes].sort(
    (a, b) =>
      a.serviceDate.localeCompare(b.serviceDate) ||
      SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] ||
      a.scopeKey.localeCompare(b.scopeKey),
  );
  // Places given back: this process's cached availability and "known full" sessions are out of date.
  if (changes.some((c) => c.delta === -1)) invalidateReads("usage", "full");
  else invalidateReads("usage");
  for (const change of ordered) {
    if (change.delta === 1) {
      if (change.limit <= 0) throw change.whenFull;
      const rows = await tx
        .insert(capacityUsages)
        .values({ ...keyOf(change), used: 1 })
        .onConflictDoUpdate({
          target: [capacityUsages.officeId, capacityUsages.serviceDate, capacityUsages.scope, capacityUsages.scopeKey],
          set: { used: sql`${capacityUsages.used} + 1` },
          setWhere: sql`${capacityUsages.used} < ${change.limit}`,
        })
        .returning({ used: capacityUsages.used });
      if (rows.length === 0) throw change.whenFull;
    } else {
      await tx
        .update(capacityUsages)
        .set({ used: sql`greatest(${capacityUsages.used} - 1, 0)` })
        .where(whereKey(change));
    }
  }
}

/** The next queue number for a letter on a day; numbers are never reused, even after a cancellation. */
export async function takeQueueNumber(tx: Executor, officeId: string, serviceDate: string, letter: string): Promise<number> {
  const [row] = await tx
    .insert(capacityUsages)
    .values({ officeId, serviceDate, scope: "sequence", scopeKey: letter, used: 1 })
    .onConflictDoUpdate({
      target: [capacityUsages.officeId, capacityUsages.serviceDate, capacityUsages.scope, capacityUsages.scopeKey],
      set: { used: sql`${capacityUsages.used} + 1` },
    })
    .returning({ used: capacityUsages.used });
  return row!.used;
}

function keyOf(k: UsageKey): UsageKey {
  return { officeId: k.officeId, serviceDate: k.serviceDate, scope: k.scope, scopeKey: k.scopeKey };
}

function whereKey(k: UsageKey) {
  return and(
    eq(capacityUsages.officeId, k.officeId),
    eq(capacityUsages.serviceDate, k.serviceDate),
    eq(capacityUsages.scope, k.scope),
    eq(capacityUsages.scopeKey, k.scopeKey),
  );
}
