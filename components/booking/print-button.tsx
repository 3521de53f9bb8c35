"use client";

import { useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button";

const subscribe = () => () => {};

/** Rendered only once JavaScript runs: without it the browser's own print command is the way. */
export function PrintButton({ label }: { label: string }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  if (!hydrated) return null;
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("primary")}>
      {label}
    </button>
  );
}
