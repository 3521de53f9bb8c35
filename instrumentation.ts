import type { Instrumentation } from "next";

/**
 * Runs once per server process when Next.js starts it. Background work that must happen without a
 * request lives here; only in the Node.js runtime (the database drivers do not run on the edge).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this file while it prerenders: no background work there.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { warnIfNoPerAddressLimits } = await import("./lib/client-ip");
  warnIfNoPerAddressLimits();
  const { warnIfNoPublicUrl, warnIfPowOff } = await import("./lib/env");
  warnIfNoPublicUrl();
  warnIfPowOff();
  // The embedded database is opened (and its folder locked) now, so a second process on the same folder
  // refuses to start instead of serving from a copy that corrupts the first.
  if (!process.env.DATABASE_URL) {
    const { getDatabaseHandle } = await import("./lib/db");
    try {
      await getDatabaseHandle();
    } catch (error) {
      console.error(`[antrean] cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
  const { startMaintenance } = await import("./lib/maintenance");
  startMaintenance();
}

/** A request that failed because the database is unreachable has it checked (pages answer 503 until it is back). */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ databaseFailure }, { checkDatabaseSoon }] = await Promise.all([import("./lib/errors"), import("./lib/db-status")]);
  if (databaseFailure(error) === "unreachable") checkDatabaseSoon();
};
