import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Next's bundler resolves `server-only` to an empty module on the server; plain Node must be told.
      "server-only": path.join(root, "tests/helpers/server-only.ts"),
    },
  },
  test: {
    env: {
      NODE_ENV: "test",
      ANTREAN_SECRET: "test-secret-test-secret-test-secret-0123456789",
      TZ: "UTC",
      // The read cache off: most tests change settings straight in the database (lib/dal/read-cache.ts).
      ANTREAN_CACHE_MS: "0",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // A few unit tests walk hundreds of cases (page-rewrites: ~2 s alone); on a shared two-core machine
          // with a build beside them one took 7.6 s, past vitest's default of 5 s. A time limit, not a check.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file opens PGlite (WASM) and a fresh PostgreSQL database; two at a time fits two cores.
          maxWorkers: 2,
        },
      },
    ],
  },
});
