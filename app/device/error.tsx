"use client";

import { ErrorNotice } from "@/components/layout/error-notice";

/** The activation page is opened on a TV or kiosk: the display's notice, which tries again by itself. */
export default function DeviceError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-4xl flex-col justify-center px-6 py-10">
      <ErrorNotice reset={reset} area="display" />
    </main>
  );
}
