import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * App code reads its configuration through lib/env.ts only (zod, defaults, documented in the README), so
 * a new variable cannot slip in unvalidated and unlisted. Scripts, benchmarks and tests keep their own
 * reads. The single exception is Next's documented bundler switch in instrumentation.ts.
 */
const ROOT = path.resolve(__dirname, "../..");
const APP_CODE = ["lib", "app", "components", "proxy.ts", "instrumentation.ts"];
const THE_ONE_READER = "lib/env.ts";
/**
 * `process.env.NEXT_RUNTIME` must stay literal: the bundler drops the Node.js branch from the edge bundle by
 * it. A client component's `process.env.NODE_ENV` is a build-time constant the bundler inlines (importing
 * lib/env.ts there would ship the server's schema to the browser); lib/errors.ts is imported by client
 * components too.
 */
const ALLOWED: Record<string, string[]> = {
  "instrumentation.ts": ["process.env.NEXT_RUNTIME"],
  "components/i18n/translation-provider.tsx": ["process.env.NODE_ENV"],
  "lib/errors.ts": ["process.env.NODE_ENV"],
};

/** `process.env`, `process["env"]`, `const { env } = process` and the like, comments aside. */
const RAW_READ = /\bprocess\s*(?:\.\s*env\b(?:\s*\.\s*[A-Z_][A-Z0-9_]*)?|\[\s*["'`]env["'`]\s*\])|\{[^}]*\benv\b[^}]*\}\s*=\s*process\b/g;

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full).flatMap((name) => sourceFiles(path.join(entry, name)));
}

function rawReads(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
  return [...code.matchAll(RAW_READ)].map((m) => m[0].replace(/\s+/g, ""));
}

describe("no raw process.env reads in app code", () => {
  it("only lib/env.ts reads the environment", () => {
    const files = APP_CODE.flatMap(sourceFiles).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && f !== THE_ONE_READER);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) => {
      const allowed = ALLOWED[file] ?? [];
      return rawReads(readFileSync(path.join(ROOT, file), "utf8"))
        .filter((read) => !allowed.includes(read))
        .map((read) => `${file}: ${read}`);
    });
    expect(offenders, "read it through getEnv()/readSetting() in lib/env.ts (and document it in the README)").toEqual([]);
  });

  it("notices every spelling of a raw read", () => {
    expect(rawReads('const a = process.env.ANTREAN_X ?? "1";')).toEqual(["process.env.ANTREAN_X"]);
    expect(rawReads("const { ANTREAN_X } = process.env;")).toEqual(["process.env"]);
    expect(rawReads('const b = process["env"].X;')).toEqual(['process["env"]']);
    expect(rawReads("const { env } = process;")).toHaveLength(1);
    expect(rawReads("// process.env.ANTREAN_X in a comment\n/* process.env.Y */ const url = 'https://x'; // ok")).toEqual([]);
    expect(rawReads('if (process.env.NEXT_RUNTIME === "nodejs") {}')).toEqual(["process.env.NEXT_RUNTIME"]);
  });

  it("every variable lib/env.ts validates is in the README's configuration table", () => {
    const schema = readFileSync(path.join(ROOT, THE_ONE_READER), "utf8");
    const body = schema.slice(schema.indexOf("const EnvSchema"), schema.indexOf("});", schema.indexOf("const EnvSchema")));
    const names = [...body.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names).toContain("ANTREAN_CACHE_MS");
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5));
    const framework = new Set(["NODE_ENV", "PORT"]);
    expect(names.filter((name) => !framework.has(name) && !table.includes(`\`${name}\``))).toEqual([]);
  });
});
