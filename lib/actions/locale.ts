"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE } from "../i18n/server";
import { isLocale } from "../i18n/translate";
import { safeReturnPath } from "../safe-path";

/** The language switch: a plain form post, so it works without JavaScript. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  }
  const returnTo = formData.get("returnTo");
  redirect(safeReturnPath(typeof returnTo === "string" && returnTo !== "" ? returnTo : await refererPath()));
}

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
