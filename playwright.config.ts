import { defineConfig } from "@playwright/test";
import { E2E_OFFICE } from "./tests/e2e/fixtures/accounts";
import { E2E_DIST_DIR, EMBEDDED_DATA_DIR, SERVERS, e2eDatabaseUrl } from "./tests/e2e/fixtures/environment";

/**
 * End-to-end tests in Debian's Chromium against two `next start` servers from one production build
 * (scripts/e2e-build.ts, run by `npm run test:e2e`):
 *   postgres — a fresh PostgreSQL database with Kota Bogor and the always-open "e2e" office (its default);
 *   embedded — no DATABASE_URL: PGlite in an empty folder, migrated and seeded by the app, as a newcomer gets it.
 * Specs run on the postgres server; tag a test (or describe) `@embedded` to run it on the embedded server too,
 * and keep newcomer-only specs in tests/e2e/embedded/ (tagged, so the embedded project picks them up).
 */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

// Test-only secrets: the servers are throw-away and listen on 127.0.0.1 only.
const serverEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: E2E_DIST_DIR,
  NEXTAUTH_SECRET: "e2e-nextauth-secret-e2e-nextauth-secret-0123",
  ANTREAN_SECRET: "e2e-antrean-secret-e2e-antrean-secret-0123456",
  // Proof of work stays on; the no-JavaScript form's wait is shortened so the plain-form journeys stay quick.
  ANTREAN_POW_WAIT_SECONDS: "2",
};

/** Specs that count everyone waiting at Loket 1 (the other staff specs call there too). */
const QUEUE_ALONE = /waiting-room\.spec\.ts/;

const bin = (name: string) => `./node_modules/.bin/${name}`;
const startCommand = (kind: keyof typeof SERVERS) =>
  `${bin("tsx")} scripts/e2e-prepare.ts ${kind} && exec ${bin("next")} start --hostname 127.0.0.1 --port ${SERVERS[kind].port} --keepAliveTimeout 65000`;

const commonServer = {
  // Ready only when the database answers: the embedded server migrates and seeds as it starts.
  timeout: 180_000,
  reuseExistingServer: process.env.E2E_REUSE === "1",
  stdout: "pipe",
  stderr: "pipe",
  // Let Next close its database connections; SIGKILL to the whole process group after 5 s.
  gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
} as const;

export default defineConfig({
  testDir: "tests/e2e",
  // Emptied at the start of every run: a second checkout's run in the same folder would need its own.
  outputDir: process.env.E2E_OUTPUT_DIR || "test-results",
  // Two cores: one worker per core. Files run side by side, a file's tests in order (the staff specs
  // share counters within a file); a spec whose tests are independent may opt in with
  // test.describe.configure({ mode: "parallel" }).
  workers: Number(process.env.E2E_WORKERS || 2),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A journey here is many page loads, staff and device logins and axe scans; on a busy two-core CI machine
  // the kiosk journeys took 45–70 s (each step within its own 10 s expect timeout), so a test has 120 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  // list: every test on its own line and a closing count. .ci/run also asks for JSON (E2E_JSON_REPORT) to time each project.
  reporter: process.env.E2E_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]] : [["list"]],
  use: {
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    // A failing test keeps its trace (DOM snapshots of every action) but not the screencast: recording frames
    // for every test cost a third of the browser's CPU (operator-day.spec.ts: GPU process 17 s → 5 s).
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
    headless: true,
  },
  projects: [
    { name: "postgres", testIgnore: [/embedded\//, QUEUE_ALONE], use: { baseURL: SERVERS.postgres.url } },
    // Specs that need Loket 1's line to themselves run after every other postgres spec has finished.
    { name: "pg-queue", testMatch: QUEUE_ALONE, dependencies: ["postgres"], use: { baseURL: SERVERS.postgres.url } },
    { name: "embedded", grep: /@embedded/, use: { baseURL: SERVERS.embedded.url } },
  ],
  webServer: [
    {
      ...commonServer,
      name: "postgres",
      command: startCommand("postgres"),
      url: `${SERVERS.postgres.url}/api/health`,
      env: {
        ...serverEnv,
        DATABASE_URL: e2eDatabaseUrl(),
        ANTREAN_DEFAULT_OFFICE: E2E_OFFICE.slug,
        NEXTAUTH_URL: SERVERS.postgres.url,
      },
    },
    {
      ...commonServer,
      name: "embedded",
      command: startCommand("embedded"),
      url: `${SERVERS.embedded.url}/api/health`,
      env: {
        ...serverEnv,
        // Empty, not absent: the runner's own environment is inherited and must not leak a database in.
        DATABASE_URL: "",
        ANTREAN_DEFAULT_OFFICE: "",
        ANTREAN_DATA_DIR: EMBEDDED_DATA_DIR,
        NEXTAUTH_URL: SERVERS.embedded.url,
      },
    },
  ],
});
