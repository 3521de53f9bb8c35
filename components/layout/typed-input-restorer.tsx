"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { restoreTypedInput } from "./typed-input";

/** Puts back input carried over from the previous page (see typed-input.ts), on every page the layout shows. */
export function TypedInputRestorer() {
  const pathname = usePathname();
  useEffect(() => {
    restoreTypedInput(window.location.pathname + window.location.search);
  }, [pathname]);
  return null;
}
