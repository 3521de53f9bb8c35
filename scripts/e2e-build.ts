import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_DIST_DIR } from "../tests/e2e/fixtures/environment";

/**
 * `npm run test:e2e` builds the app once into its own folder (E2E_DIST_DIR, default .next-e2e) so it
 * never disturbs a developer's `next dev` or `next build`; both test servers start from this build.
 * Next's own type pass is skipped (ANTREAN_SKIP_BUILD_TYPECHECK, read by next.config.ts): `npm run typecheck`
 * checks the whole project first in CI. E2E_SKIP_BUILD=1 reuses the last build while iterating on tests.
 */
if (process.env.E2E_SKIP_BUILD === "1" && existsSync(`${E2E_DIST_DIR}/BUILD_ID`)) {
  console.log(`[e2e-build] E2E_SKIP_BUILD=1: reusing ${E2E_DIST_DIR}`);
  process.exit(0);
}

// next build rewrites next-env.d.ts to point at this dist folder's route types; put it back afterwards
// so a later typecheck does not depend on the e2e build's folder.
const nextEnv = existsSync("next-env.d.ts") ? readFileSync("next-env.d.ts", "utf8") : null;
const started = Date.now();
// The build is pointed at an embedded data folder that does not exist, and must leave it so: a build that
// opened the office's database would fight a running server for it (and used to create `.data/`).
const untouchedDataDir = path.join(os.tmpdir(), `antrean-build-data-${process.pid}`);
rmSync(untouchedDataDir, { recursive: true, force: true });
const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    ANTREAN_SKIP_BUILD_TYPECHECK: "1",
    DATABASE_URL: "",
    ANTREAN_SECRET: "",
    ANTREAN_DATA_DIR: untouchedDataDir,
  },
});
if (nextEnv === null) rmSync("next-env.d.ts", { force: true });
else writeFileSync("next-env.d.ts", nextEnv);

if (result.status !== 0) {
  console.error(`[e2e-build] next build failed (exit ${result.status ?? result.signal})`);
  process.exit(result.status ?? 1);
}
if (existsSync(untouchedDataDir)) {
  console.error(`[e2e-build] next build created the embedded data folder ${untouchedDataDir}: it must not open the database`);
  rmSync(untouchedDataDir, { recursive: true, force: true });
  process.exit(1);
}
console.log(`[e2e-build] built into ${E2E_DIST_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
