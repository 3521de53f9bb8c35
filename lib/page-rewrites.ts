import { staticPageCsp } from "./csp";
import { SEGMENT } from "./page-state";

/**
 * The cached citizen pages without proxy.ts (issue 8). Next's proxy invocation costs a cached page more
 * than the page itself (measured: ~0.95 ms of CPU without it, ~1.65 ms with a proxy that does nothing), so
 * the common requests for those pages skip it: next.config.ts rewrites them to their internal path under
 * the locale segment (`lang` cookie) with their state segment (lib/page-state.ts), and sets their static
 * CSP. Everything else still goes through the proxy, which names the internal path in REWRITE_HEADER:
 *
 * - any query these rewrites do not handle (proxy.ts's matcher lists the complement of CACHED_SHAPES);
 * - anything that may be a write (Origin, Next-Action, Content-Type): the cross-origin check;
 * - a visitor's own copy of an internal header (REWRITE_HEADER, x-nonce, a CSP request header): replaced;
 * - PROXY_FLAG_HEADER, set on the request by lib/proxy-flag.ts from this process's state, which no static
 *   rule can see: the 503 page while the database is marked unavailable, and the details form's
 *   no-JavaScript wait cookie while proof of work is on.
 *
 * No imports beyond lib/csp.ts and lib/page-state.ts: next.config.ts reads this file. The proxy's matcher
 * must be a literal in proxy.ts; tests/unit/page-rewrites.test.ts checks it equals `proxyMatcher()` and
 * that, for every request shape, exactly one of the proxy and these rewrites serves a cached page.
 */

type Condition = { type: "header" | "cookie" | "query"; key: string; value?: string };
type Rule = { source: string; has?: Condition[]; missing?: Condition[] };

/** lib/i18n (LOCALES, DEFAULT_LOCALE, LOCALE_COOKIE), spelled out here for next.config.ts; the test keeps them equal. */
export const PAGE_LOCALES = ["id", "en"] as const;
export const DEFAULT_PAGE_LOCALE = "id";
export const PAGE_LOCALE_COOKIE = "lang";

/**
 * The internal path proxy.ts names for the page it lets through (`id/…` or `en/…`). A rewrite made there
 * with NextResponse.rewrite() breaks when the server listens on 127.0.0.1 (Next 16.4 compares the
 * rewrite's origin, normalised to `localhost`, with `127.0.0.1` and proxies it as an external URL); a
 * config rewrite keyed on a request header the proxy sets has no origin at all.
 */
export const REWRITE_HEADER = "x-antrean-page";
/** Set by lib/proxy-flag.ts: this request needs the proxy. */
export const PROXY_FLAG_HEADER = "x-antrean-proxy";

const DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
const SLOT = `${DATE}_[0-9]{2}:[0-9]{2}`;

const query = (key: string, value?: string): Condition => (value === undefined ? { type: "query", key } : { type: "query", key, value });
const absent = (...keys: string[]) => keys.map((key) => query(key));

/**
 * The requests for cached pages served without the proxy: the page's address, the query it carries, and
 * its internal path after the locale. A `~` state is the plain query of lib/page-state.ts (the page reads
 * it back); every value in it is a fixed word or a strict pattern, so these shapes mint no junk entries.
 * A parameter given twice is matched by its last value (Next's `has`); the proxy's state sorts the values.
 */
const CACHED_SHAPES: (Rule & { page: string })[] = [
  { source: "/", page: "" },
  { source: `/tempat/:place(${SEGMENT})`, page: "/tempat/:place" },
  { source: "/check/recover", page: "/check/recover" },
  { source: "/transparansi", page: "/transparansi" },
  { source: "/check", missing: absent("reference", "expired"), page: "/check/_" },
  { source: `/services/:slug(${SEGMENT})`, missing: absent("incomplete", "office", "ready"), page: "/services/:slug/_" },
  { source: `/book/:slug(${SEGMENT})`, missing: absent("ready", "checklist", "date", "missing", "taken", "office"), page: "/book/:slug/_" },
  {
    source: `/book/:slug(${SEGMENT})`,
    has: [query("checklist", "confirmed")],
    missing: absent("ready", "date", "missing", "taken", "office"),
    page: "/book/:slug/~checklist=confirmed",
  },
  {
    source: `/book/:slug(${SEGMENT})`,
    has: [query("checklist", "confirmed"), query("date", `(?<date>${DATE})`)],
    missing: absent("ready", "missing", "taken", "office"),
    page: "/book/:slug/~checklist=confirmed&date=:date",
  },
  { source: `/book/:slug(${SEGMENT})/details`, missing: absent("checklist", "slot", "office"), page: "/book/:slug/details/_" },
  {
    source: `/book/:slug(${SEGMENT})/details`,
    has: [query("checklist", "confirmed"), query("slot", `(?<slot>${SLOT})`)],
    missing: absent("office"),
    page: "/book/:slug/details/~checklist=confirmed&slot=:slot",
  },
];

/** The cached pages' paths (STATIC_ROUTES of lib/page-state.ts), as one path-to-regexp parameter. */
const CACHED_PATHS = ["", `tempat/${SEGMENT}`, "check", "check/recover", "transparansi", `services/${SEGMENT}`, `book/${SEGMENT}`, `book/${SEGMENT}/details`];
const paths = (...list: string[]) => `/:page(${list.join("|")})`;

/** Request headers that always send a cached page's request through the proxy. */
const PROXY_HEADERS = [PROXY_FLAG_HEADER, "origin", "next-action", "content-type", REWRITE_HEADER, "x-nonce", "content-security-policy"];

/**
 * A language cookie in a form the rewrites' cookie parser and the proxy's read differently (given twice:
 * the first against the last; quoted, percent-encoded or spaced): the proxy decides, as before.
 */
const ODD_LOCALE_COOKIE = `(?:.*[;\\s])?${PAGE_LOCALE_COOKIE}(?:\\s+=|=[\\s"]|=[^;]*%|=.*[;\\s]${PAGE_LOCALE_COOKIE}\\s*=).*`;

/** proxy.ts's matcher: every page but the cached ones, and the cached ones' requests CACHED_SHAPES leaves out. */
export function proxyMatcher(): Rule[] {
  const notCached = CACHED_PATHS.map((p) => `${p}$`).join("|");
  const book = `book/${SEGMENT}`;
  const details = `book/${SEGMENT}/details`;
  return [
    { source: `/((?!api|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|${notCached}).*)` },
    ...PROXY_HEADERS.map((key): Rule => ({ source: paths(...CACHED_PATHS), has: [{ type: "header", key }] })),
    { source: paths(...CACHED_PATHS), has: [{ type: "header", key: "cookie", value: ODD_LOCALE_COOKIE }] },
    { source: paths("check"), has: [query("reference")] },
    { source: paths("check"), has: [query("expired")] },
    { source: paths(`services/${SEGMENT}`), has: [query("incomplete")] },
    { source: paths(`services/${SEGMENT}`), has: [query("ready")] },
    { source: paths(`services/${SEGMENT}`, book, details), has: [query("office")] },
    ...["ready", "missing", "taken"].map((key): Rule => ({ source: paths(book), has: [query(key)] })),
    { source: paths(book, details), has: [query("checklist", "(?!confirmed$).*")] },
    { source: paths(book), has: [query("date")], missing: [query("checklist")] },
    { source: paths(book), has: [query("date", `(?!${DATE}$).*`)] },
    { source: paths(details), has: [query("slot")], missing: [query("checklist")] },
    { source: paths(details), has: [query("slot", `(?!${SLOT}$).*`)] },
    { source: paths(details), has: [query("checklist")], missing: [query("slot")] },
  ];
}

/** next.config.ts's `beforeFiles` rewrites: the proxy's named path first, then the cached pages' shapes. */
export function pageRewrites(): (Rule & { destination: string })[] {
  return [
    // The header is only ever the proxy's: a visitor's own copy sends the request through the proxy
    // (proxyMatcher), which replaces or removes it; the rewrite never applies to /api or /_next.
    {
      source: "/:path((?!api/|_next/|favicon\\.ico$|icon\\.svg$|robots\\.txt$).*)",
      has: [{ type: "header", key: REWRITE_HEADER, value: `(?<page>(?:${PAGE_LOCALES.join("|")})(?:/.*)?)` }],
      destination: "/:page",
    },
    ...CACHED_SHAPES.flatMap(({ page, ...rule }) => [
      ...PAGE_LOCALES.filter((l) => l !== DEFAULT_PAGE_LOCALE).map((locale) => ({
        ...rule,
        has: [...(rule.has ?? []), { type: "cookie" as const, key: PAGE_LOCALE_COOKIE, value: locale }],
        destination: `/${locale}${page}`,
      })),
      { ...rule, destination: `/${DEFAULT_PAGE_LOCALE}${page}` },
    ]),
  ];
}

/** next.config.ts's `headers()` for the cached pages: their static CSP (the proxy sets the same when it runs). */
export function cachedPageHeaders(dev: boolean) {
  return [{ source: paths(...CACHED_PATHS), headers: [{ key: "content-security-policy", value: staticPageCsp(dev) }] }];
}
