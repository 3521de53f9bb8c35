import { citizen, type Actor } from "../auth/actor";
import type { Locale } from "../i18n/messages";
import { createTranslator, localeFromRequest, type Translator } from "../i18n/translate";
import { clientIp, UNTRUSTED_CLIENT } from "../client-ip";
import { errorResponse, NO_STORE } from "./respond";

/** `ip` keys rate limits; the actor carries the address to the audit log only when it is known. */
export type ApiContext = { t: Translator; ip: string; actor: Actor };

/**
 * Wraps a route handler: the reader's language and address, errors turned into the API's error shape,
 * and `Cache-Control: no-store` unless the handler chose a policy. Every route handler that answers in JSON
 * or a file goes through it; a staff portal's route reads its language as the portal does
 * (`{ locale: localeFromCookie }`), the public API by `?lang=` and Accept-Language.
 */
export function apiRoute<A extends unknown[]>(
  where: string,
  run: (request: Request, ctx: ApiContext, ...rest: A) => Promise<Response>,
  options: { locale?: (request: Request) => Locale } = {},
): (request: Request, ...rest: A) => Promise<Response> {
  const localeOf = options.locale ?? localeFromRequest;
  return async (request, ...rest) => {
    const t = createTranslator(localeOf(request));
    try {
      const ip = clientIp(request);
      const actor = citizen(ip === UNTRUSTED_CLIENT ? null : ip);
      const response = await run(request, { t, ip, actor }, ...rest);
      if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", NO_STORE);
      return response;
    } catch (error) {
      return errorResponse(error, t, where);
    }
  };
}
