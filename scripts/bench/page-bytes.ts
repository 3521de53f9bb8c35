/**
 * The JavaScript each citizen page ships: `npx tsx scripts/bench/page-bytes.ts <base URL> [path …]`.
 * Fetches each page, then every <script src> it names, and prints the bytes gzip would send (level 9,
 * what nginx or a CDN would typically serve) and the inline scripts' bytes. Shared chunks count on every page
 * that loads them, as a first visit would. Scripts marked `nomodule` (Next's polyfills for browsers without
 * ES modules, ~39 KB gzip) are counted apart: a current browser never downloads them.
 */
import { gzipSync } from "node:zlib";

const [base = "http://127.0.0.1:3000", ...given] = process.argv.slice(2);
const paths = given.length > 0 ? given : ["/", "/check"];

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

for (const path of paths) {
  const html = await text(new URL(path, base).toString());
  const tags = [...html.matchAll(/<script([^>]*)\bsrc="([^"]+)"([^>]*)>/g)];
  const legacy = (m: RegExpMatchArray) => /\bnomodule\b/i.test(`${m[1]} ${m[3]}`);
  const sources = tags.filter((m) => !legacy(m)).map((m) => m[2]!);
  const legacySources = tags.filter(legacy).map((m) => m[2]!);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  let gzip = 0;
  let raw = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await text(new URL(src, base).toString()));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  let legacyGzip = 0;
  for (const src of new Set(legacySources)) legacyGzip += gzipSync(Buffer.from(await text(new URL(src, base).toString())), { level: 9 }).length;
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(
    `${path}\t${sources.length} files\t${kb(gzip)} KB gzip (${kb(raw)} KB raw)\tinline ${kb(Buffer.byteLength(inline))} KB\tHTML ${kb(Buffer.byteLength(html))} KB` +
      `\t+ nomodule ${kb(legacyGzip)} KB gzip (${legacySources.length} files, not loaded by current browsers)`,
  );
}
