"use client";

import { ErrorNotice } from "@/components/layout/error-notice";

/** The kiosk stands alone in the waiting room: it sends the citizen to a counter and tries again by itself. */
export default function KioskError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center px-6 py-10">
      <ErrorNotice reset={reset} area="kiosk" />
    </main>
  );
}
