import type { ReactNode } from "react";
import { getLocale } from "@/lib/i18n/server";
import { HtmlDocument } from "./html-document";

/** The <html> of a section rendered per request: its language from the cookie. */
export async function CookieLocaleDocument({ children }: { children: ReactNode }) {
  return <HtmlDocument locale={await getLocale()}>{children}</HtmlDocument>;
}
