/**
 * `next start` in N worker processes behind node:cluster's round-robin (an experiment for issue 8, measured
 * by `npm run bench:http -- --server cluster --workers N`; `npm start` is unchanged):
 *
 *   NEXT_TELEMETRY_DISABLED=1 node --import tsx scripts/start-cluster.ts [--workers N] [-p PORT] [-H HOST]
 *     [--proxy [--maxconn M] [--queue-timeout S] [--inner-port P]]
 *
 * Why: a saturated `next start` process takes one new connection per event-loop turn (libuv on Linux), and a
 * turn costs 0.3–1.3 s under the rush, so connections wait seconds in the kernel's backlog before their first
 * request is read. Here the primary owns the listening socket and does nothing else: its loop turns are
 * short, it accepts every connection at once and passes it to a worker over IPC (SCHED_RR), and the worker
 * gets it as an ordinary 'connection' event of its own server. But Node's round-robin hands a worker its
 * next connection only after the worker acknowledged the last one over IPC, which it reads once per loop
 * turn: still one new connection per turn. With --proxy the primary is an HTTP queue instead
 * (scripts/start-cluster-proxy.ts): the workers listen on 127.0.0.1:--inner-port (default port + 10000)
 * and get requests over at most --maxconn (default 8) kept-alive connections each.
 *
 * Every worker is a whole `next start` (the same bin, arguments and start-up: instrumentation.ts migrates
 * under PostgreSQL's advisory lock, per-process read cache, LISTEN/NOTIFY hub, background jobs — all safe per
 * instance, as with several instances behind a load balancer). The embedded database allows one process per
 * data folder, so more than one worker needs DATABASE_URL. A worker that exits before it listens stops the
 * launcher (a start-up failure, as with `next start`); one that dies later is replaced.
 */
import cluster, { type Worker } from "node:cluster";
import path from "node:path";
import { parseArgs } from "node:util";
import { startProxy } from "./start-cluster-proxy";

const { values: args } = parseArgs({
  options: {
    workers: { type: "string", default: "1" },
    port: { type: "string", short: "p", default: process.env.PORT || "3000" },
    hostname: { type: "string", short: "H" },
    proxy: { type: "boolean", default: false },
    maxconn: { type: "string", default: "8" },
    "queue-timeout": { type: "string", default: "10" },
    "inner-port": { type: "string" },
  },
});
const WORKERS = Number(args.workers);
if (!Number.isInteger(WORKERS) || WORKERS < 1) throw new Error(`--workers ${args.workers}: a whole number, 1 or more`);
if (WORKERS > 1 && !process.env.DATABASE_URL) {
  console.error("[antrean] --workers 2+ needs DATABASE_URL: the embedded database allows one process per data folder.");
  process.exit(1);
}

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
// Round-robin is Node's default on Linux; NODE_CLUSTER_SCHED_POLICY=none would hand accepting back to the
// workers (each its own accept queue again), so it is set explicitly.
cluster.schedulingPolicy = cluster.SCHED_RR;
const innerPort = Number(args["inner-port"] ?? Number(args.port) + 10_000);
cluster.setupPrimary({
  exec: NEXT_BIN,
  args: args.proxy
    ? ["start", "-p", String(innerPort), "-H", "127.0.0.1", "--keepAliveTimeout", "65000"]
    : ["start", "-p", args.port, ...(args.hostname ? ["-H", args.hostname] : [])],
  // The workers run Next's own bin, without this launcher's loaders (tsx).
  execArgv: [],
});

const listening = new WeakSet<Worker>();
let stopping = false;
let exitStatus = 0;

let proxyStarted = false;
cluster.on("listening", (worker) => {
  listening.add(worker);
  // The public port opens once every worker listens (a request before that would wait on a cold start).
  if (args.proxy && !proxyStarted && Object.values(cluster.workers ?? {}).every((w) => w && listening.has(w))) {
    proxyStarted = true;
    const slots = Number(args.maxconn) * WORKERS;
    startProxy({ port: Number(args.port), hostname: args.hostname, upstreamPort: innerPort, slots, queueSeconds: Number(args["queue-timeout"]) });
  }
});
cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.values(cluster.workers ?? {}).every((w) => w === undefined || w === worker)) process.exit(exitStatus);
    return;
  }
  if (!listening.has(worker)) {
    console.error(`[antrean] a worker stopped before it listened (${signal ?? `exit ${code}`}); stopping.`);
    stop("SIGTERM", 1);
    return;
  }
  console.error(`[antrean] worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting another.`);
  cluster.fork();
});

function stop(signal: NodeJS.Signals, exitCode = 0): void {
  if (stopping) return;
  stopping = true;
  exitStatus = exitCode;
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  if (workers.length === 0) process.exit(exitCode);
  for (const worker of workers) worker.process.kill(signal);
  // Next's own shutdown closes its server and the database pools; a worker that hangs is not waited for.
  setTimeout(() => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    process.exit(exitStatus || 1);
  }, 15_000).unref();
}

process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
for (let i = 0; i < WORKERS; i++) cluster.fork();
