import { describeTarget, openDatabaseFromEnv } from "../connect-from-env";
import { assertSeedTargetIsLocal } from "./guard";
import { seedDatabase } from "./seed";

assertSeedTargetIsLocal();
const handle = openDatabaseFromEnv();
try {
  const { created } = await seedDatabase(handle.db, { now: new Date() });
  console.log(created ? `Seeded ${describeTarget()}.` : `${describeTarget()} already has the demo office.`);
} finally {
  await handle.close();
}
