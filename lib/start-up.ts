import "server-only";
import { openDatabase } from "@/db/client";
import { describeTarget } from "@/db/connect-from-env";
import { prepareDatabase } from "@/db/prepare";
import { DEMO_STAFF, TRAINING_STAFF } from "@/db/seed/demo-staff";
import { assertSeedTargetIsLocal } from "@/db/seed/guard";
import { noPerAddressLimitsNotice } from "./client-ip";
import { getDatabaseHandle } from "./db";
import { getEnv, noPublicUrlNotice, powOffNotice } from "./env";
import { maintenanceNotice } from "./maintenance";

export type StartUpReport = {
  /** Where the data is, without a password. */
  database: string;
  /** The demo office was written just now (a fresh embedded folder, or ANTREAN_SEED_DEMO=1). */
  seeded: boolean;
  /** What the process says at start: the database, the demo logins where they exist, the message channels. */
  info: string[];
  /** Settings a person should know about: no trusted proxy, proof of work off, no public URL … */
  warnings: string[];
};

type Log = (message: string) => void;
const state = globalThis as unknown as { antreanStartUpPrinted?: boolean };

/**
 * The one start-up path of a server process (`npm run dev`, `npm start`, the e2e servers: instrumentation.ts
 * → lib/start-node.ts). Applies the migrations and, on the embedded default (or a local PostgreSQL with
 * ANTREAN_SEED_DEMO=1), seeds the demo office; then prints the notices, once per process. PostgreSQL is
 * migrated through a short-lived connection of its own: the app's pool ends long statements, a migration
 * may build an index for minutes. The embedded folder is opened here, as the app's database, so a second
 * process on the same folder fails now instead of serving from a copy.
 */
export async function startUp({ now = new Date(), info = console.info, warn = console.warn }: { now?: Date; info?: Log; warn?: Log } = {}): Promise<StartUpReport> {
  const env = getEnv();
  const seedDemo = !env.DATABASE_URL || env.ANTREAN_SEED_DEMO === "1";
  if (seedDemo) assertSeedTargetIsLocal(env.DATABASE_URL, env.ANTREAN_ALLOW_REMOTE_SEED === "1");
  let seeded: boolean;
  if (env.DATABASE_URL) {
    const migrator = openDatabase({ kind: "postgres", url: env.DATABASE_URL, max: 2, connectTimeoutS: env.ANTREAN_DB_CONNECT_TIMEOUT_S });
    try {
      ({ seeded } = await prepareDatabase(migrator, { seedDemo, now }));
    } finally {
      await migrator.close();
    }
  } else {
    ({ seeded } = await prepareDatabase(await getDatabaseHandle(), { seedDemo, now }));
  }

  const database = describeTarget(env);
  const report: StartUpReport = {
    database,
    seeded,
    info: [`[antrean] database: ${database}${seeded ? " (seeded just now)" : ""}`, ...(seedDemo ? demoLogins() : []), maintenanceNotice()],
    warnings: [noPerAddressLimitsNotice(), noPublicUrlNotice(), powOffNotice()].filter((line) => line !== null),
  };
  // A dev-mode reload may run register() again: the notices stay said once.
  if (!state.antreanStartUpPrinted) {
    state.antreanStartUpPrinted = true;
    info(report.info.join("\n"));
    for (const line of report.warnings) warn(line);
  }
  return report;
}

/** The demo logins: publicly known passwords, so only where the demo office may be (see assertSeedTargetIsLocal). */
function demoLogins(): string[] {
  const row = (s: { role: string; email: string; password: string }) => `  ${s.role.padEnd(10)} ${s.email.padEnd(30)} ${s.password}`;
  return [
    "Demo staff logins (staff portal at /staff):",
    ...DEMO_STAFF.map(row),
    "Training place (Latihan / Training, open round the clock, hidden from citizens, never in reports):",
    ...TRAINING_STAFF.map(row),
  ];
}
