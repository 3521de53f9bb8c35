import type { NextConfig } from "next";
import { cachedPageHeaders, pageRewrites } from "./lib/page-rewrites";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The camera is for scanning QR codes at the counter and the kiosk.
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production" && process.env.ANTREAN_HSTS !== "0"
    ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // No ETag on pages: Next hashes the whole HTML of a cached page on every request to make one (fnv1a in
  // JavaScript, 16 % of the date choice's CPU in a profile), for a page that is rendered again every second
  // and whose 304 would save a few compressed kilobytes. Route handlers set their own (the form files).
  generateEtags: false,
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "date-holidays"],
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The e2e build (scripts/e2e-build.ts) skips Next's type pass: `npm run typecheck` covers the whole project,
  // tests included, and an unfinished test file elsewhere must not stop the browser tests from running.
  typescript: { ignoreBuildErrors: process.env.ANTREAN_SKIP_BUILD_TYPECHECK === "1" },
  // forbidden(): a staff page the role may not open answers 403 with app/(staff)/staff/forbidden.tsx.
  // isrFlushToDisk: false — the cached citizen pages live in this process's memory only. Written to the
  // build folder they would be read back by every server started from that build (two instances, or the
  // e2e postgres and embedded servers), each with its own database, and each page would cost a disk write
  // every second during the rush.
  // serverActions.bodySizeLimit: a form PDF may be 2 MB (refused above that with a 422 in the reader's
  // language); the multipart post of a somewhat larger file still reaches the action to be told so.
  experimental: { authInterrupts: true, isrFlushToDisk: false, serverActions: { bodySizeLimit: "4mb" } },
  // Every visitor gets the page's <title> in the <head> before the body, not streamed in after it: a
  // screen reader or a slow phone announces the right title at once (axe saw it missing under load).
  htmlLimitedBots: /./,
  // The cached citizen pages (`revalidate = 1`) expire after one second: an older copy is rendered again
  // before anyone gets it, instead of being served once more while it renders (stale-while-revalidate would
  // show a lone visitor after a quiet hour the places left an hour ago). Concurrent requests share one render.
  // See lib/page-cache.ts and "Citizen pages" in docs/ARCHITECTURE.md.
  expireTime: 1,
  // Each citizen page is served from its internal path under app/[locale]/: named by proxy.ts, or for the
  // cached pages' common requests rewritten here without the proxy (lib/page-rewrites.ts).
  async rewrites() {
    return { beforeFiles: pageRewrites() };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }, ...cachedPageHeaders(process.env.NODE_ENV === "development")];
  },
};

export default nextConfig;
