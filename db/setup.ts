import { describeTarget, openDatabaseFromEnv } from "./connect-from-env";
import { assertSeedTargetIsLocal } from "./seed/guard";
import { TRAINING_STAFF } from "./seed/demo-staff";
import { DEMO_STAFF, seedDatabase } from "./seed/seed";

/**
 * `npm run dev` / `npm start`: apply the migrations; on the embedded default also seed the demo office
 * on first start and print the demo logins. A PostgreSQL database (DATABASE_URL) gets the demo data —
 * and its publicly known passwords — only when asked for with ANTREAN_SEED_DEMO=1 (and only if local).
 */
const embedded = !process.env.DATABASE_URL;
const handle = openDatabaseFromEnv();
try {
  await handle.migrate();
  let seeded = false;
  if (embedded || process.env.ANTREAN_SEED_DEMO === "1") {
    assertSeedTargetIsLocal();
    seeded = (await seedDatabase(handle.db, { now: new Date() })).created;
  }
  console.log(`\nAntrean database: ${describeTarget()}${seeded ? " (seeded just now)" : ""}`);
  if (embedded || process.env.ANTREAN_SEED_DEMO === "1") {
    console.log("Demo staff logins:");
    for (const s of DEMO_STAFF) console.log(`  ${s.role.padEnd(10)} ${s.email.padEnd(30)} ${s.password}`);
    console.log("Training place (Latihan / Training, open round the clock, hidden from citizens, never in reports):");
    for (const s of TRAINING_STAFF) console.log(`  ${s.role.padEnd(10)} ${s.email.padEnd(30)} ${s.password}`);
  }
  console.log("");
} finally {
  await handle.close();
}
