"use client";

import { useParams } from "next/navigation";
import { ErrorNotice, segmentLocale } from "@/components/layout/error-notice";

/** Unexpected failures only (expected ones are shown in the form), in the language of the page's locale segment. */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale?: string }>();
  return <ErrorNotice reset={reset} locale={segmentLocale(locale)} />;
}
