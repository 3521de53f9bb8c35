import { countStatus, perSecond, type WrkResult } from "./wrk-run";

/** One route: its wrk result in every round (round r's ratio is to round r's /api/health, rows[0]). */
export type Row = { label: string; rounds: WrkResult[] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function merged(rounds: WrkResult[]): WrkResult {
  const sum = (f: (r: WrkResult) => number) => rounds.reduce((s, r) => s + f(r), 0);
  const statuses: Record<string, number> = {};
  for (const r of rounds) for (const [k, n] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
  return {
    requests: sum((r) => r.requests),
    seconds: sum((r) => r.seconds),
    p50: median(rounds.map((r) => r.p50)),
    p90: median(rounds.map((r) => r.p90)),
    p99: Math.max(...rounds.map((r) => r.p99)),
    max: Math.max(...rounds.map((r) => r.max)),
    over2s: sum((r) => r.over2s),
    errors: { connect: sum((r) => r.errors.connect), read: sum((r) => r.errors.read), write: sum((r) => r.errors.write), timeout: sum((r) => r.errors.timeout) },
    statuses,
  };
}

const is5xx = (s: number) => s >= 500;

/** The median of each CPU figure over the rounds (each round's own per-request figure). */
function medianCpu(rounds: WrkResult[]): WrkResult["cpu"] {
  const of = (k: "app" | "db" | "machine") => median(rounds.map((r) => r.cpu?.[k] ?? NaN));
  return rounds.some((r) => r.cpu) ? { app: of("app"), db: of("db"), machine: of("machine") } : undefined;
}

const cpuText = (cpu: WrkResult["cpu"]) => (cpu ? `${cpu.app.toFixed(2)} / ${cpu.db.toFixed(2)} / ${cpu.machine.toFixed(2)}` : "–");

function statuses(r: WrkResult): string {
  const parts = Object.entries(r.statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}×${count}`);
  const errors = Object.entries(r.errors).filter(([, n]) => n > 0).map(([k, n]) => `${k} errors ${n}`);
  return [...parts, ...errors].join(", ");
}

/** Prints one variant's table and rush; returns what failed (oversold, undersold, 5xx). */
export function printReport(
  v: { kind: string; rows: Row[]; rush: WrkResult; rushHealth: WrkResult; booked: number; places: number; queues?: [string, string]; load: number[] },
  topology: string,
): string[] {
  const health = v.rows[0]!.rounds;
  console.log(`\n### ${v.kind}, ${topology} — ${new Date().toISOString().slice(0, 16)}Z (load average ${v.load.join(" → ")})\n`);
  if (health.length > 0) {
    console.log("| route | req/s | × health (median of rounds) | p50 ms | p99 ms | CPU ms per request: app / db / machine | × health by app CPU | answers |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  }
  for (const { label, rounds } of health.length > 0 ? v.rows : []) {
    const result = merged(rounds);
    const ratio = median(rounds.map((r, i) => perSecond(r) / perSecond(health[i]!)));
    const cpu = medianCpu(rounds);
    const cpuRatio = median(rounds.map((r, i) => (health[i]!.cpu?.app ?? NaN) / (r.cpu?.app ?? NaN)));
    console.log(
      `| ${label} | ${perSecond(result).toFixed(0)} | ${ratio.toFixed(2)} | ${result.p50.toFixed(0)} | ${result.p99.toFixed(0)} | ${cpuText(cpu)} | ${cpuRatio.toFixed(2)} | ${statuses(result)} |`,
    );
  }
  const r = v.rush;
  const fiveXx = countStatus(r, is5xx);
  console.log(
    `\nRush: ${v.booked} booked of ${v.places} places; ${perSecond(r).toFixed(0)} answers/s; ${fiveXx} 5xx; ` +
      `${r.over2s} requests over 2 s; p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms; ${statuses(r)}; ` +
      `CPU ms per answer ${cpuText(r.cpu)}`,
  );
  const h = v.rushHealth;
  console.log(
    `Baseline, GET /api/health under the rush's connections: ${perSecond(h).toFixed(0)} answers/s; ` +
      `${h.over2s} requests over 2 s; p50 ${h.p50.toFixed(0)} ms, p99 ${h.p99.toFixed(0)} ms, max ${h.max.toFixed(0)} ms; ${statuses(h)}; ` +
      `CPU ms per answer ${cpuText(h.cpu)}`,
  );
  if (v.queues) console.log(`Front: rush — ${v.queues[0]}; health — ${v.queues[1]}`);
  const failures: string[] = [];
  if (v.booked > v.places) failures.push(`${v.kind}: OVERSOLD — ${v.booked} booked for ${v.places} places`);
  if (v.booked < v.places) failures.push(`${v.kind}: undersold — ${v.booked} booked for ${v.places} places`);
  const measured = v.rows.filter((row) => row.rounds.length > 0).map((row) => ({ label: row.label, result: merged(row.rounds) }));
  for (const { label, result } of [...measured, { label: "rush", result: r }, { label: "/api/health under the rush's connections", result: h }]) {
    const n = countStatus(result, is5xx);
    if (n > 0) failures.push(`${v.kind}: ${label} answered 5xx ${n} times`);
  }
  return failures;
}
