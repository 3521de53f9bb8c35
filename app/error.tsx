"use client";

import { ErrorNotice } from "@/components/layout/error-notice";

/**
 * A failure in a section's layout (the public layout reads the office, so a database outage lands here).
 * The root layout passes through (see app/layout.tsx), so this page brings its own <html>.
 */
export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="id">
      <body className="min-h-dvh">
        <main className="mx-auto max-w-3xl px-4 py-8">
          <ErrorNotice reset={reset} />
        </main>
      </body>
    </html>
  );
}
