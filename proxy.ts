import { NextResponse, type NextRequest } from "next/server";
import { clientIp } from "./lib/client-ip";
import { COOKIE_NAMES, STAFF_SESSION_COOKIE_NAMES } from "./lib/cookies";
import { contentSecurityPolicy as buildCsp, staticPageCsp } from "./lib/csp";
import { isDatabaseMarkedUnavailable } from "./lib/db-status";
import { DEFAULT_LOCALE } from "./lib/i18n/messages";
import { isLocale, LOCALE_COOKIE } from "./lib/i18n/translate";
import { REWRITE_HEADER } from "./lib/page-rewrites";
import { DETAILS_ROUTE, staticPagePath, staticRouteFor } from "./lib/page-state";
import { waitCookieForDetails } from "./lib/pow/wait-cookie";
import { isDevelopment } from "./lib/env";
import { isReference, normalizeReference } from "./lib/reference";
import { isCrossOriginWrite } from "./lib/server-action-origin";
import { hasRecentMiss, isKnownReference } from "./lib/public-confirmations";
import { withoutForgedForwarding } from "./lib/trusted-proxy";
import { crossOriginResponse, unavailablePageResponse } from "./lib/unavailable-page";

const isDev = isDevelopment();

/** Sections that are not citizen pages: they keep their own paths and a per-request nonce. */
const OWN_PATHS = /^\/(staff|kiosk|display|device)(\/|$)|^\/booking\/[^/]+\/print(\/|$)/;

/** The confirmation page, and its cached shared view (internal: never reachable at its own address). */
const CONFIRMATION = /^\/booking\/([^/]+)$/;
const SHARED_VIEW = "shared-view";
const SHARED_VIEW_PATH = new RegExp(`^/booking/[^/]+/${SHARED_VIEW}(/|$)`);

const contentSecurityPolicy = (scriptSrc: string) => buildCsp(scriptSrc, isDev);
/** The cached citizen pages' CSP (lib/csp.ts says why), the same next.config.ts sets when the proxy is skipped. */
const STATIC_PAGE_CSP = staticPageCsp(isDev);

/**
 * Citizen pages are served from an internal locale segment (`/id/…`, `/en/…`) chosen by the language
 * cookie, so the page itself never reads the cookie and can be cached; the address the citizen sees does
 * not change. Staff, kiosk, display and print pages keep a per-request CSP nonce, and — for convenience
 * only — signed-out visitors of the staff portal go to its login. Authorization happens in the data layer.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A server action posted from another site: Next refuses it with a 500; it is a 403.
  if (isCrossOriginWrite(request.method, request.headers)) return crossOriginResponse();
  // The database is known to be down: a 503 page now rather than a render that waits and fails.
  if ((request.method === "GET" || request.method === "HEAD") && isDatabaseMarkedUnavailable()) return unavailablePageResponse(request.method);
  if (pathname.startsWith("/staff") && !pathname.startsWith("/staff/login") && !STAFF_SESSION_COOKIE_NAMES.some((c) => request.cookies.has(c))) {
    const login = new URL("/staff/login", request.url);
    login.searchParams.set("next", pathname + search);
    return NextResponse.redirect(login);
  }
  if (!OWN_PATHS.test(pathname)) return citizenPage(request);

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(`'nonce-${nonce}' 'strict-dynamic'`);
  // X-Forwarded-Host/-Proto from a client (no trusted proxy) never reach Next's own checks.
  const requestHeaders = withoutForgedForwarding(new Headers(request.headers));
  requestHeaders.delete(REWRITE_HEADER);
  requestHeaders.set("x-nonce", nonce);
  // Lets the staff layout's language switch return the person to the page they were on.
  requestHeaders.set("x-return-to", pathname + search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function citizenPage(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  const route = staticRouteFor(pathname);
  const requestHeaders = withoutForgedForwarding(new Headers(request.headers));
  requestHeaders.delete("x-nonce");
  requestHeaders.delete("content-security-policy");

  if (route === null) {
    const shared = sharedConfirmation(request);
    if (shared) {
      requestHeaders.set(REWRITE_HEADER, `${locale}/booking/${shared}/${SHARED_VIEW}`);
      const response = NextResponse.next({ request: { headers: requestHeaders } });
      response.headers.set("Content-Security-Policy", STATIC_PAGE_CSP);
      return response;
    }
    // Pages about one booking stay rendered per request, with a nonce.
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const csp = contentSecurityPolicy(`'nonce-${nonce}' 'strict-dynamic'`);
    // The shared view's own address is not a page (the catch-all answers 404).
    requestHeaders.set(REWRITE_HEADER, SHARED_VIEW_PATH.test(pathname) ? `${locale}/-` : `${locale}${pathname}`);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("Content-Security-Policy", csp);
    return response;
  }

  requestHeaders.set(REWRITE_HEADER, staticPagePath(locale, pathname, route, searchParams));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", STATIC_PAGE_CSP);
  // The details form's no-JavaScript wait starts now, in a cookie the cached page cannot carry.
  if (route === DETAILS_ROUTE && request.method === "GET") {
    const wait = waitCookieForDetails(searchParams);
    if (wait) response.cookies.set(wait.name, wait.value, wait.options);
  }
  return response;
}

/**
 * The reference whose confirmation this request may get from the shared cache (lib/public-confirmations.ts),
 * or null for the per-request page: a plain GET of a reference this process has found, without a manage
 * cookie (the owner's view), from an address that has not missed a look-up here.
 */
function sharedConfirmation(request: NextRequest): string | null {
  if ((request.method !== "GET" && request.method !== "HEAD") || request.nextUrl.search !== "") return null;
  const match = CONFIRMATION.exec(request.nextUrl.pathname);
  if (!match || request.cookies.has(COOKIE_NAMES.manage)) return null;
  let reference: string;
  try {
    reference = normalizeReference(decodeURIComponent(match[1]!));
  } catch {
    return null;
  }
  if (!isReference(reference) || !isKnownReference(reference)) return null;
  if (hasRecentMiss(clientIp(request))) return null;
  return reference;
}

/**
 * Every page but the cached citizen pages' common requests, which next.config.ts rewrites without the proxy
 * (lib/page-rewrites.ts, whose proxyMatcher() this must equal: Next reads the matcher as a literal;
 * tests/unit/page-rewrites.test.ts compares them). Not the API, static files or images.
 */
export const config = {
  matcher: [
    { source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|$|tempat/[A-Za-z0-9-]{1,80}$|check$|check/recover$|transparansi$|services/[A-Za-z0-9-]{1,80}$|book/[A-Za-z0-9-]{1,80}$|book/[A-Za-z0-9-]{1,80}/details$).*)" },
    { source: "/:page(|tempat/[A-Za-z0-9-]{1,80}|check|check/recover|transparansi|services/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "header", key: "x-antrean-proxy" }] },
    { source: "/:page(|tempat/[A-Za-z0-9-]{1,80}|check|check/recover|transparansi|services/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "header", key: "origin" }] },
    { source: "/:page(|tempat/[A-Za-z0-9-]{1,80}|check|check/recover|transparansi|services/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "header", key: "next-action" }] },
    { source: "/:page(|tempat/[A-Za-z0-9-]{1,80}|check|check/recover|transparansi|services/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "header", key: "content-type" }] },
    { source: "/:page(|tempat/[A-Za-z0-9-]{1,80}|check|check/recover|transparansi|services/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "header", key: "x-antrean-page" }] },
    { source: "/:page(|tempat/[A-Za-z0-9-]{1,80}|check|check/recover|transparansi|services/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "header", key: "x-nonce" }] },
    { source: "/:page(|tempat/[A-Za-z0-9-]{1,80}|check|check/recover|transparansi|services/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "header", key: "content-security-policy" }] },
    { source: "/:page(|tempat/[A-Za-z0-9-]{1,80}|check|check/recover|transparansi|services/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "header", key: "cookie", value: "(?:.*[;\\s])?lang(?:\\s+=|=[\\s\"]|=[^;]*%|=.*[;\\s]lang\\s*=).*" }] },
    { source: "/:page(check)", has: [{ type: "query", key: "reference" }] },
    { source: "/:page(check)", has: [{ type: "query", key: "expired" }] },
    { source: "/:page(services/[A-Za-z0-9-]{1,80})", has: [{ type: "query", key: "incomplete" }] },
    { source: "/:page(services/[A-Za-z0-9-]{1,80})", has: [{ type: "query", key: "ready" }] },
    { source: "/:page(services/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "query", key: "office" }] },
    { source: "/:page(book/[A-Za-z0-9-]{1,80})", has: [{ type: "query", key: "ready" }] },
    { source: "/:page(book/[A-Za-z0-9-]{1,80})", has: [{ type: "query", key: "missing" }] },
    { source: "/:page(book/[A-Za-z0-9-]{1,80})", has: [{ type: "query", key: "taken" }] },
    { source: "/:page(book/[A-Za-z0-9-]{1,80}|book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "query", key: "checklist", value: "(?!confirmed$).*" }] },
    { source: "/:page(book/[A-Za-z0-9-]{1,80})", has: [{ type: "query", key: "date" }], missing: [{ type: "query", key: "checklist" }] },
    { source: "/:page(book/[A-Za-z0-9-]{1,80})", has: [{ type: "query", key: "date", value: "(?![0-9]{4}-[0-9]{2}-[0-9]{2}$).*" }] },
    { source: "/:page(book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "query", key: "slot" }], missing: [{ type: "query", key: "checklist" }] },
    { source: "/:page(book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "query", key: "slot", value: "(?![0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{2}:[0-9]{2}$).*" }] },
    { source: "/:page(book/[A-Za-z0-9-]{1,80}/details)", has: [{ type: "query", key: "checklist" }], missing: [{ type: "query", key: "slot" }] },
  ],
};
