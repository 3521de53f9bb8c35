import { describeTarget, openDatabaseFromEnv } from "./connect-from-env";
import { assertSeedTargetIsLocal } from "./seed/guard";
import { DEMO_STAFF, seedDatabase } from "./seed/seed";

/**
 * `npm run dev` / `npm start`: migrate, seed the demo office on first start, print the demo logins.
 * With DATABASE_URL pointing elsewhere than this machine, it migrates but does not seed.
 */
const handle = openDatabaseFromEnv();
try {
  await handle.migrate();
  let seeded = false;
  try {
    assertSeedTargetIsLocal();
    seeded = (await seedDatabase(handle.db, { now: new Date() })).created;
  } catch (error) {
    console.warn(String(error instanceof Error ? error.message : error));
  }
  console.log(`\nAntrean database: ${describeTarget()}${seeded ? " (seeded just now)" : ""}`);
  console.log("Demo staff logins (embedded default and local databases):");
  for (const s of DEMO_STAFF) console.log(`  ${s.role.padEnd(10)} ${s.email.padEnd(26)} ${s.password}`);
  console.log("");
} finally {
  await handle.close();
}
