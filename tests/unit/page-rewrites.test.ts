import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import { buildCustomRoute } from "next/dist/server/lib/router-utils/filesystem";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { parseUrl } from "next/dist/shared/lib/router/utils/parse-url";
import { matchHas, prepareDestination } from "next/dist/shared/lib/router/utils/prepare-destination";
import { config } from "@/proxy";
import { staticPageCsp } from "@/lib/csp";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/messages";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/translate";
import { cachedPageHeaders, DEFAULT_PAGE_LOCALE, PAGE_LOCALE_COOKIE, PAGE_LOCALES, pageRewrites, proxyMatcher } from "@/lib/page-rewrites";
import { decodePageState, staticPagePath, staticRouteFor } from "@/lib/page-state";

/**
 * The cached citizen pages' common requests skip proxy.ts and are rewritten by next.config.ts instead
 * (lib/page-rewrites.ts). Run through Next's own matcher and rewrite code: for every request shape, exactly
 * one of the two serves a cached page, and a rewrite names the page, language and query the proxy would.
 */
type Request = { path: string; headers?: Record<string, string> };

// How Next compiles proxy.ts's matcher at build time (not in its type declarations).
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: (matcher: unknown, config: object) => Parameters<typeof getMiddlewareRouteMatcher>[0] };
const proxyMatches = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}));
const rewrites = pageRewrites().map((rule) => buildCustomRoute("before_files_rewrite", rule));

function resolve({ path, headers = {} }: Request): { proxy: boolean; rewritten: string | null } {
  const parsed = parseUrl(path);
  const req = { headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
  let decoded = parsed.pathname;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {}
  const proxy = proxyMatches(parsed.pathname, req as never, parsed.query) || proxyMatches(decoded, req as never, parsed.query);
  // Next applies every matching beforeFiles rewrite in turn, each to the path the previous one made.
  let pathname = parsed.pathname;
  let rewritten: string | null = null;
  for (const route of rewrites) {
    let params = route.match(pathname);
    if (params && (route.has || route.missing)) {
      const hasParams = matchHas(req as never, parsed.query, route.has as never, route.missing as never);
      params = hasParams ? Object.assign(params, hasParams) : false;
    }
    if (!params) continue;
    const { parsedDestination } = prepareDestination({ appendParamsToQuery: true, destination: route.destination, params, query: parsed.query });
    pathname = rewritten = parsedDestination.pathname!;
  }
  return { proxy, rewritten };
}

/** What the proxy names for a cached page (proxy.ts citizenPage), as the page reads it. */
function proxyView(path: string, cookie: string | undefined) {
  const request = new NextRequest(new URL(path, "http://antrean.test"), { headers: cookie ? { cookie } : {} });
  const value = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  const url = request.nextUrl;
  const route = staticRouteFor(url.pathname)!;
  return pageView(`/${staticPagePath(locale, url.pathname, route, url.searchParams)}`);
}

/** The locale, the page path and — for a page with a state segment — the query the page decodes from it. */
function pageView(internal: string) {
  // The page gets each segment percent-encoded (Next's getParamValue).
  const segments = internal.split("/").slice(1).map((segment) => encodeURIComponent(decodeURIComponent(segment)));
  const [locale, ...rest] = segments;
  if (rest.some((segment) => /%/.test(segment) && !/^[q~]/.test(segment))) throw new Error(`an encoded path segment: ${internal}`);
  const last = rest.at(-1);
  const state = last !== undefined && (last === "_" || /^[q~]/.test(last)) ? rest.pop()! : null;
  const query = state === null ? null : decodePageState(state);
  return { locale, page: "/" + rest.join("/"), query };
}

const cartesian = <T,>(lists: T[][]): T[][] => lists.reduce<T[][]>((acc, list) => acc.flatMap((a) => list.map((v) => [...a, v])), [[]]);

function queries(options: Record<string, (string | undefined)[]>): string[] {
  const keys = Object.keys(options);
  return cartesian(keys.map((k) => options[k]!)).map((values) => {
    const search = new URLSearchParams();
    values.forEach((v, i) => v !== undefined && search.append(keys[i]!, v));
    return search.toString();
  });
}

const CASES: Record<string, string[]> = {
  "/": queries({ x: [undefined, "1"], checklist: [undefined, "confirmed"] }),
  "/tempat/kecamatan-utara": queries({ office: [undefined, "a"] }),
  "/check/recover": [""],
  "/transparansi": queries({ utm: [undefined, "x"] }),
  "/check": queries({ reference: [undefined, "", "AB-CD"], expired: [undefined, "1"], utm: [undefined, "x"] }),
  "/services/kk-perubahan": queries({ incomplete: [undefined, "", "1"], office: [undefined, "", "kec-a"], ready: [undefined, "x"] }),
  "/book/kk-perubahan": queries({
    ready: [undefined, "a"],
    missing: [undefined, "1"],
    taken: [undefined, "1"],
    office: [undefined, "", "kec-a"],
    checklist: [undefined, "", "confirmed", "x", "confirmedx"],
    date: [undefined, "", "2026-12-03", "2026-12-3", "2026-12-03x", "x/../2026-12-03"],
    utm: [undefined, "x"],
  }),
  "/book/kk-perubahan/details": queries({
    checklist: [undefined, "", "confirmed", "x"],
    slot: [undefined, "", "2026-12-03_10:00", "2026-12-03_10:00x", "2026-12-03 10:00", "2026-12-03_10:00&office=x"],
    office: [undefined, "", "kec-a"],
    utm: [undefined, "x"],
  }),
};

const COOKIES = [undefined, "lang=en", "lang=id", "lang=xx", "theme=x; lang=en", "xlang=en", "lang=en; theme=x"];
/** Language cookies Next's cookie parser (the rewrites) and the proxy's read differently. */
const ODD_COOKIES = ["lang=en; lang=id", "lang=id; lang=en", 'lang="en"', "lang=%65n", "lang= en", "lang =en", "a=1;lang=id; b=2; lang=en"];

describe("cached citizen pages without the proxy (lib/page-rewrites.ts)", () => {
  it("spells the language settings and the proxy's matcher as lib/i18n and proxyMatcher() do", () => {
    expect(PAGE_LOCALES).toEqual(LOCALES);
    expect(DEFAULT_PAGE_LOCALE).toBe(DEFAULT_LOCALE);
    expect(PAGE_LOCALE_COOKIE).toBe(LOCALE_COOKIE);
    expect(config.matcher).toEqual(proxyMatcher());
    expect(cachedPageHeaders(false)).toEqual([{ source: expect.any(String), headers: [{ key: "content-security-policy", value: staticPageCsp(false) }] }]);
  });

  it("serves every request for a cached page either through the proxy or by a rewrite to the page, language and query the proxy names", () => {
    let skipped = 0;
    for (const [path, list] of Object.entries(CASES)) {
      for (const search of list) {
        for (const cookie of [...COOKIES, ...ODD_COOKIES]) {
          const url = search ? `${path}?${search}` : path;
          const { proxy, rewritten } = resolve({ path: url, headers: cookie ? { cookie } : {} });
          if (proxy) continue;
          skipped++;
          expect(rewritten, `${url} (${cookie}): neither the proxy nor a rewrite`).not.toBeNull();
          expect(pageView(rewritten!), `${url} (${cookie})`).toEqual(proxyView(url, cookie));
        }
      }
    }
    // The common requests do skip it.
    expect(skipped).toBeGreaterThan(100);
    for (const path of ["/", "/services/kk-perubahan", "/book/kk-perubahan?checklist=confirmed", "/book/kk-perubahan?checklist=confirmed&date=2026-12-03", "/book/kk-perubahan/details?checklist=confirmed&slot=2026-12-03_10:00", "/check", "/transparansi"]) {
      expect(resolve({ path }), path).toMatchObject({ proxy: false });
    }
  });

  it("sends writes, internal headers, the process's flag and uncommon queries through the proxy", () => {
    const page = "/book/kk-perubahan/details?checklist=confirmed&slot=2026-12-03_10:00";
    for (const header of ["x-antrean-proxy", "origin", "next-action", "content-type", "x-antrean-page", "x-nonce", "content-security-policy"]) {
      for (const path of ["/", "/check", page]) expect(resolve({ path, headers: { [header]: "1" } }).proxy, `${path} ${header}`).toBe(true);
    }
    for (const cookie of ODD_COOKIES) expect(resolve({ path: "/", headers: { cookie } }).proxy, cookie).toBe(true);
    for (const path of ["/book/kk-perubahan?ready=a&ready=b", "/services/kk-perubahan?incomplete=1", "/check?reference=AB-CD", "/book/kk-perubahan?checklist=confirmed&office=kec-a"]) {
      expect(resolve({ path }).proxy, path).toBe(true);
    }
  });

  it("leaves every other page, and every path a cached page does not own, to the proxy", () => {
    for (const path of ["/booking/ABCD2345", "/booking/ABCD2345/print", "/staff", "/staff/login", "/kiosk", "/book/kk/standby", "/services/kk/", "/services/a/b", "/services/kk%2Dperubahan", "/id/check/_", "/en", "/lottery/AB", "/book/kk.rsc", "/checkx"]) {
      expect(resolve({ path }), path).toEqual(expect.objectContaining({ proxy: true }));
    }
    for (const path of ["/api/health", "/_next/static/x.js", "/favicon.ico"]) expect(resolve({ path }), path).toEqual({ proxy: false, rewritten: null });
    // The proxy's own header names the page, whatever else the request carries.
    expect(resolve({ path: "/services/kk-perubahan", headers: { "x-antrean-page": "en/services/kk-perubahan/_" } }).rewritten).toBe("/en/services/kk-perubahan/_");
  });
});
