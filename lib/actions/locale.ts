"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { cookieOptions } from "../cookies";
import { LOCALES } from "../i18n/messages";
import { LOCALE_COOKIE } from "../i18n/server";
import { safeReturnPath } from "../safe-path";
import { defineAction, type Redirect } from "./define-action";

/** An unknown language or a missing address is no error: the switch then keeps the language, or goes to the referring page. */
const SetLocaleSchema = z.object({
  locale: z.enum(LOCALES).optional().catch(undefined),
  returnTo: z.string().max(2000).optional().catch(undefined),
});

const YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The language switch: a plain form post, so it works without JavaScript. */
export const setLocaleAction = defineAction({ schema: SetLocaleSchema }, async (input): Promise<{ status: "idle" } | Redirect> => {
  if (input.locale) (await cookies()).set(LOCALE_COOKIE, input.locale, cookieOptions(YEAR_SECONDS));
  return { redirect: safeReturnPath(input.returnTo || (await refererPath())) };
});

/** The page the form was posted from (a cached page cannot write its own address into the form). */
async function refererPath(): Promise<string> {
  const requestHeaders = await headers();
  const referer = requestHeaders.get("referer");
  const host = requestHeaders.get("host");
  if (!referer || !host) return "/";
  try {
    const url = new URL(referer);
    return url.host === host ? url.pathname + url.search : "/";
  } catch {
    return "/";
  }
}
