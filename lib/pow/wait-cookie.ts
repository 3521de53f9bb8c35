import { COOKIE_NAMES, isSecureCookies } from "../cookies";
import { DEFAULT_OFFICE_SLUG } from "../default-office";
import { parsePlaceParam } from "../place-path";
import { isPowEnabled } from "./altcha";
import { createWaitToken, WAIT_TOKEN_TTL_SECONDS } from "./wait-token";

/**
 * The no-JavaScript wait starts when the details page is loaded, as it did when that page was rendered per
 * request: the page is now one cached HTML for everyone and cannot carry a single-use token, so proxy.ts
 * gives each load of it a fresh token in a cookie, scoped to the booking paths the form posts to. The
 * booking action takes it when the form carries none (lib/pow/gate.ts) and clears it once the booking is
 * made. A person who types for longer than the wait books with one press, and Back after booking returns to
 * the details page instead of a "one more step" answer the browser would have to post again.
 */
export const WAIT_COOKIE_PATH = "/book";

export type WaitCookie = { name: string; value: string; options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; maxAge: number } };

/** The cookie for one load of the details page, or null (proof of work off, or a malformed `office`). */
export function waitCookieForDetails(search: URLSearchParams): WaitCookie | null {
  if (!isPowEnabled()) return null;
  const values = search.getAll("office");
  const office = parsePlaceParam(values.length > 1 ? values : values[0]);
  if (office === null) return null;
  return {
    name: COOKIE_NAMES.powWait,
    value: createWaitToken(office ?? DEFAULT_OFFICE_SLUG).token,
    options: { httpOnly: true, sameSite: "lax", secure: isSecureCookies(), path: WAIT_COOKIE_PATH, maxAge: WAIT_TOKEN_TTL_SECONDS },
  };
}
