import { countStatus, perSecond, type WrkResult } from "./wrk-run";

export type Row = { label: string; result: WrkResult };

const is5xx = (s: number) => s >= 500;

function statuses(r: WrkResult): string {
  const parts = Object.entries(r.statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}×${count}`);
  const errors = Object.entries(r.errors).filter(([, n]) => n > 0).map(([k, n]) => `${k} errors ${n}`);
  return [...parts, ...errors].join(", ");
}

/** Prints one variant's table and rush; returns what failed (oversold, undersold, 5xx). */
export function printReport(v: { kind: string; rows: Row[]; rush: WrkResult; booked: number; places: number }, instances: number): string[] {
  const health = v.rows.filter((r) => r.label.startsWith("GET /api/health"));
  const baseline = health.reduce((s, r) => s + perSecond(r.result), 0) / health.length;
  const title = `${v.kind}${instances > 1 ? `, ${instances} instances behind nginx` : ", one instance"}`;
  console.log(`\n### ${title} — ${new Date().toISOString().slice(0, 16)}Z\n`);
  console.log("| route | req/s | × health | p50 ms | p99 ms | answers |");
  console.log("| --- | ---: | ---: | ---: | ---: | --- |");
  for (const { label, result } of v.rows) {
    const rps = perSecond(result);
    console.log(`| ${label} | ${rps.toFixed(0)} | ${(rps / baseline).toFixed(2)} | ${result.p50.toFixed(0)} | ${result.p99.toFixed(0)} | ${statuses(result)} |`);
  }
  const r = v.rush;
  const fiveXx = countStatus(r, is5xx);
  console.log(
    `\nRush: ${v.booked} booked of ${v.places} places; ${perSecond(r).toFixed(0)} answers/s; ${fiveXx} 5xx; ` +
      `${r.over2s} requests over 2 s; p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms; ${statuses(r)}`,
  );
  const failures: string[] = [];
  if (v.booked > v.places) failures.push(`${v.kind}: OVERSOLD — ${v.booked} booked for ${v.places} places`);
  if (v.booked < v.places) failures.push(`${v.kind}: undersold — ${v.booked} booked for ${v.places} places`);
  for (const { label, result } of [...v.rows, { label: "rush", result: r }]) {
    const n = countStatus(result, is5xx);
    if (n > 0) failures.push(`${v.kind}: ${label} answered 5xx ${n} times`);
  }
  return failures;
}
