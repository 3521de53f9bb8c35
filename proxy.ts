import { NextResponse, type NextRequest } from "next/server";
import { STAFF_SESSION_COOKIE_NAMES } from "./lib/cookies";
import { isDatabaseMarkedUnavailable } from "./lib/db-status";
import { isDevelopment } from "./lib/env";
import { isCrossOriginWrite } from "./lib/server-action-origin";
import { crossOriginResponse, unavailablePageResponse } from "./lib/unavailable-page";

/**
 * A per-request CSP nonce for every page, and — for convenience only — a redirect of signed-out visitors
 * from the staff portal to its login. Authorization itself happens in the data layer.
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

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isDev = isDevelopment();
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The proof-of-work widget (altcha) solves in Web Workers it starts from blob: URLs.
    "worker-src 'self' blob:",
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Lets the layout's language switch return the person to the page they were on.
  requestHeaders.set("x-return-to", pathname + search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Pages only: not the API, static files or images.
    { source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)" },
  ],
};
