import { describeTarget, openDatabaseFromEnv } from "./connect-from-env";

/** Applies the committed migrations (db/migrations) to DATABASE_URL or the embedded database. */
const handle = openDatabaseFromEnv();
try {
  await handle.migrate();
  console.log(`Migrations applied to ${describeTarget()}.`);
} finally {
  await handle.close();
}
