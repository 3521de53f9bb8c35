"use server";

import { cookies } from "next/headers";
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
  redirect(safeReturnPath(formData.get("returnTo")));
}
