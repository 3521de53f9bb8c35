"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-reads the page every `seconds` (waiting counts change as others check in); form state is kept. */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
