import { describeTarget, openDatabaseFromEnv } from "./connect-from-env";
import { prepareDatabase } from "./prepare";

/**
 * `npm run db:migrate`: the committed migrations (db/migrations) on DATABASE_URL or the embedded database,
 * without starting the app (which applies them itself at start, lib/start-up.ts) and without demo data.
 */
const handle = openDatabaseFromEnv();
try {
  await prepareDatabase(handle, { seedDemo: false });
  console.log(`Migrations applied to ${describeTarget()}.`);
} finally {
  await handle.close();
}
