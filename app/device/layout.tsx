import type { ReactNode } from "react";
import { CookieLocaleDocument } from "@/components/layout/cookie-locale-document";

/** The activation of a TV or kiosk is rendered per request, in the cookie's language (see app/layout.tsx). */
export default function DeviceSectionLayout({ children }: { children: ReactNode }) {
  return <CookieLocaleDocument>{children}</CookieLocaleDocument>;
}
