"use client";

import { useParams } from "next/navigation";
import { PublicErrorNotice, segmentLocale } from "@/components/layout/public-error-notice";

/** Unexpected failures only (expected ones are shown in the form), in the language of the page's locale segment. */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale?: string }>();
  return <PublicErrorNotice reset={reset} locale={segmentLocale(locale)} />;
}
