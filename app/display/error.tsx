"use client";

import { ErrorNotice } from "@/components/layout/error-notice";

/** The call display faces the waiting room with nobody at it: it says so and tries again by itself. */
export default function DisplayError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-4xl flex-col justify-center px-6 py-10">
      <ErrorNotice reset={reset} area="display" />
    </main>
  );
}
