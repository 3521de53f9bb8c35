import type { Instrumentation } from "next";

/**
 * Runs once per server process when Next.js starts it, and is awaited before the first request. The
 * start-up (migrations, demo seed, notices, background work) lives in lib/start-node.ts, imported only in
 * the Node.js runtime: the database drivers and `process.exit` do not exist on the edge. The literal
 * `process.env.NEXT_RUNTIME` is the bundler's switch (it drops the branch from the edge bundle), the one
 * raw environment read outside lib/env.ts (tests/unit/env-reads.test.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // `next build` may load this file while it prerenders: no database, no background work there.
    if ((await import("./lib/env")).isBuildPhase()) return;
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
