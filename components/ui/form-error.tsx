"use client";

import { useEffect, useRef } from "react";

/** After a failed submit, move focus to the error summary so screen readers and keyboards land on it. */
export function useFocusOnError<T extends HTMLElement>(failed: boolean, token: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (failed) ref.current?.focus();
  }, [failed, token]);
  return ref;
}
