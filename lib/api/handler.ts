import { citizen, type Actor } from "../auth/actor";
import { createTranslator, localeFromRequest, type Translator } from "../i18n/translate";
import { clientIp, UNTRUSTED_CLIENT } from "../client-ip";
import { errorResponse, NO_STORE } from "./respond";

/** `ip` keys rate limits; the actor carries the address to the audit log only when it is known. */
export type ApiContext = { t: Translator; ip: string; actor: Actor };

/**
 * Wraps a route handler: the reader's language and address, errors turned into the API's error shape,
 * and `Cache-Control: no-store` unless the handler chose a policy.
 */
export function apiRoute<A extends unknown[]>(
  where: string,
  run: (request: Request, ctx: ApiContext, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const t = createTranslator(localeFromRequest(request));
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
