import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/messages";

/**
 * The <html> of every section. The root layout (app/layout.tsx) passes its children through, so each
 * section's layout sets the page's language itself: the citizen pages from their locale segment (no cookie
 * read, so they can be cached), staff, kiosk, display and print pages from the language cookie.
 */
export function HtmlDocument({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <html lang={locale}>
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
