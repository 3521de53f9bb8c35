"use client";

import { startTransition, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button-base";
import { publicErrorPageMessages } from "@/lib/i18n/messages/error-pages-public";

export type Locale = "id" | "en";

/** A citizen page's language from its locale segment (`useParams`), when it has one: no need to wait for the document. */
export function segmentLocale(value: unknown): Locale | undefined {
  return value === "en" || value === "id" ? value : undefined;
}

/** The page's language, from `<html lang>` (set by the section's layout); Bahasa Indonesia before hydration. */
export function usePageLocale(): Locale {
  return useSyncExternalStore(
    () => () => {},
    () => (document.documentElement.lang === "en" ? "en" : "id"),
    () => "id",
  );
}

/** Try again: the server's part of the page afresh, then the failed segment. */
export function useRetry(reset: () => void): () => void {
  const router = useRouter();
  return () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
}

/**
 * The page for a failure the person cannot fix, for the citizen pages, the root's boundaries and the
 * printouts: what went wrong and a button to try again, in the page's language. `locale` is the page's
 * language when the caller knows it (a citizen page's segment), else `<html lang>`. Above the sections'
 * layouts the page's language may be unknown: `bothLanguages` adds the English line.
 *
 * Every citizen page loads its error boundaries' code whether or not anything fails (and the bundler
 * copies it into each boundary's chunk), so this one carries only its own three sentences; the staff,
 * kiosk and display notice with its countdown and links is ErrorNotice (error-notice.tsx).
 */
export function PublicErrorNotice({ reset, locale: given, bothLanguages = false }: { reset: () => void; locale?: Locale; bothLanguages?: boolean }) {
  const pageLocale = usePageLocale();
  const words = publicErrorPageMessages[given ?? pageLocale];
  const retry = useRetry(reset);
  return (
    <div className="space-y-4" role="alert">
      <h1 className="text-2xl font-bold">{words["errorPage.title"]}</h1>
      <p>{words["errorPage.body"]}</p>
      {bothLanguages ? (
        <p lang="en" className="text-muted">
          {publicErrorPageMessages.en["errorPage.body"]}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={retry}>
          {words["errorPage.retry"]}
        </Button>
      </div>
    </div>
  );
}
