import "server-only";
import type { SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";

/**
 * Rows of a raw query on either driver: postgres.js returns an array, PGlite `{ rows }`. Every report query
 * casts its columns (::int, ::float8, ::text) so both drivers hand back the same JavaScript types.
 */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** Minutes with one decimal, or null. */
export function minutes(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 10) / 10;
}
