import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The import graph of lib/ has no cycle (type-only imports included: a type import still ties two modules
 * together), and the rules of lib/auth never import the data layer (sessions, above them, may).
 * A small reader of `import … from` / `export … from` / `import("…")` instead of a dependency.
 */
const ROOT = path.resolve(__dirname, "../..");
const LIB = path.join(ROOT, "lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) {
    const target = resolve(file, (match[1] ?? match[2] ?? match[3])!);
    if (target && target.startsWith(LIB + path.sep)) found.add(target);
  }
  return [...found];
}

const rel = (file: string) => path.relative(ROOT, file);

/** Every cycle, each reported once (by its strongly connected component, Tarjan's algorithm). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

describe("the import graph of lib/", () => {
  const graph = new Map(sourceFiles(LIB).map((file) => [file, importsOf(file)]));

  it("reads the imports it is meant to (the check itself can see a cycle)", () => {
    expect(graph.get(path.join(LIB, "dal/booking-changes.ts"))?.map(rel)).toContain("lib/dal/change-booking.ts");
    const a = "a.ts";
    const b = "b.ts";
    expect(findCycles(new Map([[a, [b]], [b, [a]]]))).toEqual([[a, b]]);
    expect(findCycles(new Map([[a, [b]], [b, []]]))).toEqual([]);
  });

  it("has no cycle", () => {
    expect(findCycles(graph).map((cycle) => cycle.map(rel))).toEqual([]);
  });

  it("keeps the rules of lib/auth (actor, permissions, login-throttle, staff-paths) below the data layer", () => {
    const rules = ["actor.ts", "permissions.ts", "login-throttle.ts", "staff-paths.ts"].map((name) => path.join(LIB, "auth", name));
    const upward = rules.flatMap((file) => (graph.get(file) ?? []).filter((target) => target.startsWith(path.join(LIB, "dal") + path.sep)).map((t) => `${rel(file)} → ${rel(t)}`));
    expect(upward).toEqual([]);
  });
});
