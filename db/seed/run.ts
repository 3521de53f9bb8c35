import { parseArgs } from "node:util";
import { describeTarget, openDatabaseFromEnv } from "../connect-from-env";
import { assertSeedTargetIsLocal } from "./guard";
import { seedDatabase } from "./seed";

/**
 * `npm run db:seed` — the Kota Bogor office, its services, schedule, holidays and counters, plus the demo
 * staff accounts. `npm run db:seed -- --no-demo-staff` leaves the accounts out (a real deployment; then
 * create the first administrator with `npm run staff:create`).
 */
const { values } = parseArgs({ options: { "no-demo-staff": { type: "boolean", default: false } } });
const withDemoStaff = !values["no-demo-staff"];
if (withDemoStaff) assertSeedTargetIsLocal();
const handle = openDatabaseFromEnv();
try {
  const { created } = await seedDatabase(handle.db, { now: new Date(), withDemoStaff });
  console.log(created ? `Seeded ${describeTarget()}${withDemoStaff ? " with the demo accounts" : ""}.` : `${describeTarget()} already has the office.`);
} finally {
  await handle.close();
}
