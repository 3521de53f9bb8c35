"use client";

import { PublicErrorNotice } from "@/components/layout/public-error-notice";
import "./globals.css";

/** A failure in the root layout itself: the friendly page instead of Next's bare "Application error". */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="id">
      <body className="min-h-dvh">
        <main className="mx-auto max-w-3xl px-4 py-8">
          <PublicErrorNotice reset={reset} bothLanguages />
        </main>
      </body>
    </html>
  );
}
