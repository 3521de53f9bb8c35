import type { ReactNode } from "react";
import { CookieLocaleDocument } from "@/components/layout/cookie-locale-document";

/** This section is rendered per request: the page's language comes from the cookie (see app/layout.tsx). */
export default function SectionDocumentLayout({ children }: { children: ReactNode }) {
  return <CookieLocaleDocument>{children}</CookieLocaleDocument>;
}
