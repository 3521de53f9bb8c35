import type { DatabaseHandle } from "./client";
import { seedDatabase } from "./seed/seed";

export type PrepareOptions = {
  /** Seed the demo office (Kota Bogor, its places and the demo logins) if it is not there yet. */
  seedDemo: boolean;
  now?: Date;
};

/**
 * The one way a database is made ready, wherever it is opened: the committed migrations, then — where the
 * caller allows it — the demo office. Used by the app's start-up (lib/start-up.ts), `npm run db:migrate`,
 * the e2e servers (scripts/e2e-prepare.ts) and the tests (tests/helpers/databases.ts). Idempotent.
 */
export async function prepareDatabase(handle: DatabaseHandle, { seedDemo, now = new Date() }: PrepareOptions): Promise<{ seeded: boolean }> {
  await handle.migrate();
  if (!seedDemo) return { seeded: false };
  return { seeded: (await seedDatabase(handle.db, { now })).created };
}
