"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { Alert } from "./card";

/** After a failed submit, move focus to the error summary so screen readers and keyboards land on it. */
export function useFocusOnError<T extends HTMLElement>(failed: boolean, token: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (failed) ref.current?.focus();
  }, [failed, token]);
  return ref;
}

/**
 * A server-action form's error summary: the action's message, announced (role=alert) and focused after each
 * failed submit. Nothing while the form has not failed (`state` null or not an error).
 */
export function FormErrorAlert({ state }: { state: Pick<FormState, "status" | "message"> | null }) {
  const failed = state?.status === "error";
  const ref = useFocusOnError<HTMLDivElement>(failed, state);
  return failed ? (
    <Alert tone="error" ref={ref} tabIndex={-1}>
      {state.message}
    </Alert>
  ) : null;
}
