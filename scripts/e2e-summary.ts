import { existsSync, readFileSync } from "node:fs";
import type { JSONReport, JSONReportSuite, JSONReportTest } from "@playwright/test/reporter";

/**
 * Reads Playwright's JSON report (written when E2E_JSON_REPORT names a file) and prints, per project,
 * the counts and the time its tests took, then one machine-readable line for .ci/run:
 *   E2E_COUNTS <passed> <failed> <skipped> <flaky>
 */
const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log(`[e2e-summary] no report at ${file ?? "(none)"}`);
  console.log("E2E_COUNTS 0 0 0 0");
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, "utf8")) as JSONReport;

type Totals = { passed: number; failed: number; skipped: number; flaky: number; busyMs: number; firstStart: number; lastEnd: number };
const byProject = new Map<string, Totals>();

for (const test of allTests(report.suites)) {
  const t = byProject.get(test.projectName) ?? { passed: 0, failed: 0, skipped: 0, flaky: 0, busyMs: 0, firstStart: Infinity, lastEnd: 0 };
  if (test.status === "expected") t.passed += 1;
  else if (test.status === "unexpected") t.failed += 1;
  else if (test.status === "flaky") t.flaky += 1;
  else t.skipped += 1;
  for (const result of test.results) {
    const start = Date.parse(result.startTime);
    t.busyMs += result.duration;
    t.firstStart = Math.min(t.firstStart, start);
    t.lastEnd = Math.max(t.lastEnd, start + result.duration);
  }
  byProject.set(test.projectName, t);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
for (const [name, t] of byProject) {
  const span = t.lastEnd > t.firstStart ? t.lastEnd - t.firstStart : 0;
  console.log(
    `  e2e project ${name.padEnd(9)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.flaky} flaky; ` +
      `first test to last ${seconds(span)}, test time ${seconds(t.busyMs)}`,
  );
}
console.log(`  e2e run total ${seconds(report.stats.duration)} (servers, workers and all projects)`);
const sum = (key: "passed" | "failed" | "skipped" | "flaky") => [...byProject.values()].reduce((n, t) => n + t[key], 0);
console.log(`E2E_COUNTS ${sum("passed")} ${sum("failed")} ${sum("skipped")} ${sum("flaky")}`);

function* allTests(suites: JSONReportSuite[]): Generator<JSONReportTest> {
  for (const suite of suites) {
    for (const spec of suite.specs) yield* spec.tests;
    if (suite.suites) yield* allTests(suite.suites);
  }
}
