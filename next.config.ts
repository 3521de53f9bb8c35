import type { NextConfig } from "next";

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
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "date-holidays"],
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The e2e build (scripts/e2e-build.ts) skips Next's type pass: `npm run typecheck` covers the whole project,
  // tests included, and an unfinished test file elsewhere must not stop the browser tests from running.
  typescript: { ignoreBuildErrors: process.env.ANTREAN_SKIP_BUILD_TYPECHECK === "1" },
  // forbidden(): a staff page the role may not open answers 403 with app/(staff)/staff/forbidden.tsx.
  // serverActions.bodySizeLimit: a form PDF may be 2 MB (refused above that with a 422 in the reader's
  // language); the multipart post of a somewhat larger file still reaches the action to be told so.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "4mb" } },
  // Every visitor gets the page's <title> in the <head> before the body, not streamed in after it: a
  // screen reader or a slow phone announces the right title at once (axe saw it missing under load).
  htmlLimitedBots: /./,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
