import type { Instrumentation } from "next";

/**
 * Runs once per server process when Next.js starts it. Background work that must happen without a
 * request lives in lib/start-node.ts, imported only in the Node.js runtime (the database drivers and
 * `process.exit` do not exist on the edge; the bundler drops this branch there).
 */
export async function register(): Promise<void> {
  // `next build` may load this file while it prerenders: no background work there.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startNodeProcess } = await import("./lib/start-node");
    await startNodeProcess();
  }
}

/** A request that failed because the database is unreachable has it checked (pages answer 503 until it is back). */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ databaseFailure }, { checkDatabaseSoon }] = await Promise.all([import("./lib/errors"), import("./lib/db-status")]);
    if (databaseFailure(error) === "unreachable") checkDatabaseSoon();
  }
};
