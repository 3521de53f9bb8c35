import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { workerConfigFromEnv } from "@/lib/messages/run";
import { runMessagesOnce } from "@/lib/messages/worker";

/**
 * `npm run worker`: the outbox worker on its own, for PostgreSQL deployments with several app instances
 * (the app also runs it in-process; both together are safe). The embedded database belongs to the app
 * process, so this refuses to run without DATABASE_URL.
 */
const env = getEnv();
if (!env.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL; on the embedded database the app sends messages itself.");
  process.exit(1);
}
const config = workerConfigFromEnv(env);
console.info(`[antrean worker] messages: ${config.description}`);
const db = await getDb();
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stopping = true));
while (!stopping) {
  try {
    const r = await runMessagesOnce(db, config);
    if (r.sent + r.retried + r.failed + r.reminders + r.nearTurns + r.noChannel > 0) console.info(`[antrean worker] ${JSON.stringify(r)}`);
  } catch (error) {
    console.error(`[antrean worker] pass failed: ${describeError(error)}`); // no query parameters (personal data)
  }
  await new Promise((resolve) => setTimeout(resolve, 5_000));
}
process.exit(0);
