"use client";

import { useParams } from "next/navigation";
import { PublicErrorNotice, segmentLocale } from "@/components/layout/public-error-notice";

/**
 * A failure in a section's layout (the public layout reads the office, so a database outage lands here).
 * The root layout passes through (see app/layout.tsx), so this page brings its own <html>. A citizen page
 * knows its language from the locale segment; elsewhere (staff, kiosk, display, print: the language is in
 * an httpOnly cookie the browser cannot read) the page says it in both languages.
 */
export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = segmentLocale(useParams<{ locale?: string }>().locale);
  return (
    <html lang={locale ?? "id"}>
      <body className="min-h-dvh">
        <main className="mx-auto max-w-3xl px-4 py-8">
          <PublicErrorNotice reset={reset} locale={locale ?? "id"} bothLanguages={!locale} />
        </main>
      </body>
    </html>
  );
}
