"use client";

import { ErrorNotice } from "@/components/layout/error-notice";

/** Unexpected failures only (expected ones are shown in the form), in the page's language. */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice reset={reset} />;
}
