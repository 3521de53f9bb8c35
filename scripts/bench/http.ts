/**
 * The opening rush over HTTP, on a production build: `npm run bench:http [-- options]`.
 *
 * Builds into its own folder if needed (.next-bench), creates a fresh PostgreSQL database (and a PGlite
 * folder), seeds it, starts `next start`, and drives every route a citizen uses with wrk, side by side in
 * one run. Prints req/s and the ratio to `/api/health` of the same server (machines are noisy: compare
 * ratios), then the rush: 200 connections for 15 s at one session of 34 places — the exact count booked,
 * 5xx, requests over 2 s, p99. Exits non-zero if a session oversells or undersells, or anything answers 5xx.
 * Beside req/s it prints the CPU each request cost (scripts/bench/cpu-sample.ts): the app's processes, PostgreSQL's
 * and the whole machine's, in milliseconds per request, and the app's CPU ratio to /api/health, which holds on a
 * busy machine where req/s does not (on PGlite the database runs inside the app's process: its CPU is the app's).
 *
 *   --instances N   N `next start` processes behind a front (PostgreSQL only; default 1)
 *   --front F       nginx (default with 2+ instances), haproxy (also with one instance) or none (one instance);
 *                   with a front only PostgreSQL runs
 *   --server S      next (default: `next start`), cluster (scripts/start-cluster.ts: a node:cluster primary
 *                   accepts and hands connections round-robin to --workers N `next start` workers, default 1)
 *                   or proxy (the same, the primary an HTTP queue: --maxconn per worker, --queue-timeout)
 *   --maxconn M     haproxy: requests each instance gets at once, the rest queue (default 16)
 *   --queue-timeout S   haproxy: seconds a request may wait in its queue before a 503 (default 10)
 *   --seconds S     seconds per route and round (default 5)   --connections C   per route (default 50)
 *   --rounds R      rounds (default 3): each round measures /api/health, then every route; a route's ratio
 *                   is the median over rounds of its req/s over that round's /api/health (load drifts);
 *                   0 measures only the rush and /api/health under its connections
 *   --warmup S      seconds each route runs, unmeasured, before the first round (default 2; 0 for none):
 *                   a fresh process's first seconds (JIT, module loading) would otherwise count in round 1
 *   --only postgres|pglite    --build   rebuild even if the source did not change
 *   --port P        the first instance's port (default 3710; the front listens on P + 80), to run beside another bench
 *   --serve         prepare and start the server(s) on PostgreSQL, print the URL, and wait (for Lighthouse);
 *                   Ctrl-C stops them and drops the database
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { countBooked, createPostgresDatabase, FULL_SESSION, openBenchDatabase, prepareBenchDatabase, RUSH_SESSION, type BenchPlan } from "./bench-db";
import { startHaproxy, startNginx, type Front } from "./bench-front";
import { buildIfNeeded, startServer, type Launcher } from "./bench-server";
import { cpuNow, perRequest } from "./cpu-sample";
import { runWrk, type WrkLoad, type WrkResult } from "./wrk-run";
import { printReport, type Row } from "./http-report";

const { values: args } = parseArgs({
  options: {
    instances: { type: "string", default: "1" },
    front: { type: "string" },
    server: { type: "string", default: "next" },
    workers: { type: "string", default: "1" },
    maxconn: { type: "string", default: "16" },
    "queue-timeout": { type: "string", default: "10" },
    seconds: { type: "string", default: "5" },
    warmup: { type: "string", default: "2" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "50" },
    only: { type: "string" },
    build: { type: "boolean", default: false },
    serve: { type: "boolean", default: false },
    "rush-places": { type: "string", default: "34" },
    port: { type: "string", default: "3710" },
  },
});
const SECONDS = Number(args.seconds);
const WARMUP = Number(args.warmup);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
const INSTANCES = Number(args.instances);
const FRONT = args.front ?? (INSTANCES > 1 ? "nginx" : "none");
if (!["nginx", "haproxy", "none"].includes(FRONT)) throw new Error(`--front ${FRONT}: nginx, haproxy or none`);
if (FRONT === "none" && INSTANCES > 1) throw new Error("--instances 2+ needs a front (nginx or haproxy)");
if (!["next", "cluster", "proxy"].includes(args.server!)) throw new Error(`--server ${args.server}: next, cluster or proxy`);
if (args.server !== "next" && FRONT !== "none") throw new Error(`--server ${args.server} runs without a front`);
const SERVER: Launcher =
  args.server === "next"
    ? {}
    : { workers: Number(args.workers), proxy: args.server === "proxy" ? { maxconn: Number(args.maxconn), queueSeconds: Number(args["queue-timeout"]) } : undefined };
const RUSH = { places: Number(args["rush-places"]), connections: 200, seconds: 15 };
const SERVICE = "kk-perubahan";
const HOURLY = ["08:00", "09:00", "10:00", "11:00", "12:00", "13:00"];
const FIRST_PORT = Number(args.port);
const LB_PORT = FIRST_PORT + 80;

type Variant = {
  kind: "postgres" | "pglite";
  rows: Row[];
  rush: WrkResult;
  rushHealth: WrkResult;
  booked: number;
  places: number;
  /** The front's queue during the rush and during /api/health under its connections (haproxy only). */
  queues?: [string, string];
  /** Load average (1 min) before the rounds, before the rush, after /api/health under the rush's connections. */
  load: number[];
};

const load1 = () => Math.round(loadavg()[0]! * 100) / 100;

async function book(base: string, body: Record<string, string>, ip: string): Promise<{ status: number; reference?: string }> {
  const response = await fetch(`${base}/api/v1/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ service: SERVICE, name: "Warga Uji", ...body }),
  });
  const json = (await response.json()) as { reference?: string };
  return { status: response.status, reference: json.reference };
}

/** Bookings the table needs before it starts: references for the confirmation page, a full session. */
async function prime(base: string, plan: BenchPlan): Promise<string[]> {
  const references: string[] = [];
  for (let i = 0; i < 20; i++) {
    const nik = `3271011${(i % 9) + 1}0580${String(9000 + i).padStart(4, "0")}`;
    const made = await book(base, { date: plan.dates[0]!, session: "10:00", nik, phone: `08119${String(i).padStart(7, "0")}` }, `10.250.0.${i + 1}`);
    if (made.status !== 201) throw new Error(`priming booking failed: ${made.status}`);
    references.push(made.reference!);
  }
  const filled = await book(base, { date: plan.rushDate, session: FULL_SESSION, nik: "3271012505800999", phone: "081190009999" }, "10.250.1.1");
  if (filled.status !== 201) throw new Error(`filling the full session failed: ${filled.status}`);
  return references;
}

/** One wrk run, with the CPU the app's processes (`groups`), PostgreSQL and the machine spent per request. */
async function runMeasured(base: string, load: WrkLoad, groups: number[], opts: Parameters<typeof runWrk>[2]): Promise<WrkResult> {
  const before = cpuNow(groups);
  const result = await runWrk(base, load, opts);
  return { ...result, cpu: perRequest(before, cpuNow(groups), result.requests) };
}

async function measure(kind: Variant["kind"], base: string, plan: BenchPlan, count: () => Promise<number>, groups: number[], front?: Front): Promise<Variant> {
  const load = [load1()];
  const references = await prime(base, plan);
  const spread = plan.dates.filter((d) => d !== plan.rushDate).flatMap((d) => HOURLY.map((s) => `${d}_${s}`));
  const detailsSlot = `${plan.dates[0]}_11:00`;
  const health: WrkLoad = { mode: "get", paths: ["/api/health"] };
  const routes: [string, WrkLoad][] = [
    [`GET /api/v1/availability?service=${SERVICE}&days=7`, { mode: "get", paths: [`/api/v1/availability?service=${SERVICE}&days=7`] }],
    ["GET / (home)", { mode: "get", paths: ["/"] }],
    [`GET /services/${SERVICE}`, { mode: "get", paths: [`/services/${SERVICE}`] }],
    ["GET /book/… (date choice)", { mode: "get", paths: [`/book/${SERVICE}?checklist=confirmed`] }],
    ["GET /book/…/details", { mode: "get", paths: [`/book/${SERVICE}/details?checklist=confirmed&slot=${detailsSlot}`] }],
    ["GET /booking/[ref] (confirmation)", { mode: "get", paths: references.map((r) => `/booking/${r}`) }],
    ["POST booking, succeeds (spread)", { mode: "book", service: SERVICE, slots: spread }],
    ["POST booking, rejected: full", { mode: "book", service: SERVICE, slots: [`${plan.rushDate}_${FULL_SESSION}`] }],
    ["POST booking, rejected: duplicate", { mode: "book", service: SERVICE, slots: [`${plan.dates[1] ?? plan.dates[0]}_12:00`], same: true }],
  ];
  const rows: Row[] = [{ label: "GET /api/health", rounds: [] }, ...routes.map(([label]) => ({ label, rounds: [] }))];
  const loads: WrkLoad[] = [health, ...routes.map(([, load]) => load)];
  if (ROUNDS > 0 && WARMUP > 0) {
    process.stdout.write(`  ${kind}: warm-up, ${WARMUP} s per route (not measured) …\n`);
    for (const load of loads) await runWrk(base, load, { connections: CONNECTIONS, seconds: WARMUP });
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, load] of loads.entries()) {
      process.stdout.write(`  ${kind} round ${round}: ${rows[i]!.label} …`);
      const result = await runMeasured(base, load, groups, { connections: CONNECTIONS, seconds: SECONDS });
      process.stdout.write(` ${(result.requests / result.seconds).toFixed(0)} req/s, app ${result.cpu!.app.toFixed(2)} ms CPU per request\n`);
      rows[i]!.rounds.push(result);
    }
  }
  process.stdout.write(`  ${kind}: the rush (${RUSH.connections} connections, ${RUSH.seconds} s, ${plan.rushPlaces} places) …\n`);
  load.push(load1());
  await front?.resetQueue?.();
  const rush = await runMeasured(base, { mode: "book", service: SERVICE, slots: [`${plan.rushDate}_${RUSH_SESSION}`] }, groups, { connections: RUSH.connections, seconds: RUSH.seconds, threads: 2 });
  const booked = await count();
  const rushQueue = (await front?.queue?.()) ?? "";
  await front?.resetQueue?.();
  // The rush's baseline: the no-op route under the same 200 connections, right after it. A single Node
  // process that is saturated serves some connections late whatever the route costs, so the rush's tail
  // reads against this, not against the 50-connection rounds.
  process.stdout.write(`  ${kind}: /api/health under the rush's ${RUSH.connections} connections, ${RUSH.seconds} s …\n`);
  const rushHealth = await runMeasured(base, health, groups, { connections: RUSH.connections, seconds: RUSH.seconds, threads: 2 });
  const healthQueue = (await front?.queue?.()) ?? "";
  load.push(load1());
  return { kind, rows, rush, rushHealth, booked, places: plan.rushPlaces, load, queues: front?.queue ? [rushQueue, healthQueue] : undefined };
}

/** `--serve` ended by Ctrl-C: the servers are stopped and the database dropped on the way out. */
class ServeStopped extends Error {}

async function benchPostgres(): Promise<Variant> {
  const database = await createPostgresDatabase();
  const stops: (() => Promise<void>)[] = [];
  const scratch = mkdtempSync(path.join(tmpdir(), "antrean-bench-"));
  try {
    const setup = openBenchDatabase("postgres", database.url);
    const plan = await prepareBenchDatabase(setup, RUSH.places);
    await setup.close();
    const servers = [];
    for (let i = 0; i < INSTANCES; i++) servers.push(await startServer(FIRST_PORT + i, { DATABASE_URL: database.url }, SERVER));
    stops.push(...servers.map((s) => s.stop));
    let base = `http://127.0.0.1:${FIRST_PORT}`;
    let front: Front | undefined;
    const ports = servers.map((s) => s.port);
    if (FRONT === "nginx") front = await startNginx(LB_PORT, ports, scratch);
    if (FRONT === "haproxy") {
      front = await startHaproxy(LB_PORT, ports, scratch, { maxconn: Number(args.maxconn), queueSeconds: Number(args["queue-timeout"]) });
    }
    if (front) {
      stops.unshift(front.stop);
      base = `http://127.0.0.1:${LB_PORT}`;
    }
    if (args.serve) {
      console.log(`Serving ${base} (rush date ${plan.rushDate}); Ctrl-C to stop.`);
      await new Promise((resolve) => process.once("SIGINT", resolve));
      throw new ServeStopped();
    }
    const counter = openBenchDatabase("postgres", database.url);
    stops.push(() => counter.close());
    const groups = servers.map((s) => s.child.pid!);
    return await measure("postgres", base, plan, () => countBooked(counter, plan.rushDate, RUSH_SESSION), groups, front);
  } finally {
    for (const stop of stops) await stop();
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function benchPglite(): Promise<Variant> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "antrean-bench-pglite-"));
  try {
    const setup = openBenchDatabase("pglite", path.join(dataDir, "pglite"));
    const plan = await prepareBenchDatabase(setup, RUSH.places);
    await setup.close();
    const server = await startServer(FIRST_PORT, { ANTREAN_DATA_DIR: dataDir, DATABASE_URL: "" }, SERVER);
    let variant: Omit<Variant, "booked"> & { booked: number };
    try {
      variant = await measure("pglite", `http://127.0.0.1:${FIRST_PORT}`, plan, async () => -1, [server.child.pid!]);
    } finally {
      await server.stop();
    }
    const counter = openBenchDatabase("pglite", path.join(dataDir, "pglite"));
    variant.booked = await countBooked(counter, plan.rushDate, RUSH_SESSION);
    await counter.close();
    return variant;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

buildIfNeeded(args.build);
const variants: Variant[] = [];
if (args.only !== "pglite") {
  try {
    variants.push(await benchPostgres());
  } catch (error) {
    if (!(error instanceof ServeStopped)) throw error;
    console.log("Stopped; the bench database was dropped.");
    process.exit(0);
  }
}
if (args.only !== "postgres" && FRONT === "none") variants.push(await benchPglite());
const launcher = SERVER.workers
  ? `, cluster launcher with ${SERVER.workers} worker${SERVER.workers > 1 ? "s" : ""}${SERVER.proxy ? ` behind its HTTP queue, maxconn ${SERVER.proxy.maxconn} each` : ""}`
  : "";
const topology = (FRONT === "none" ? "one instance" : `${INSTANCES} instance${INSTANCES > 1 ? "s" : ""} behind ${FRONT === "haproxy" ? `haproxy, maxconn ${args.maxconn} each, queue timeout ${args["queue-timeout"]} s` : "nginx"}`) + launcher;
const failures = variants.flatMap((v) => printReport(v, topology));
mkdirSync(".data/bench", { recursive: true });
writeFileSync(`.data/bench/http-${new Date().toISOString().replace(/[:.]/g, "-")}.json`, JSON.stringify({ instances: INSTANCES, server: args.server, workers: SERVER.workers, topology, variants }, null, 2));
if (failures.length > 0) {
  console.error(`\nFAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("\nOK: every rush booked exactly its places, and nothing answered 5xx.");
