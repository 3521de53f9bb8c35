"use client";

import { PublicErrorNotice } from "@/components/layout/public-error-notice";

/**
 * A printout (the citizen's booking, the staff's slips and reports) that failed unexpectedly: the print
 * section's layout stays, so the notice reads the page's language from it (`<html lang>`, the cookie's).
 */
export default function PrintError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <PublicErrorNotice reset={reset} />
    </main>
  );
}
