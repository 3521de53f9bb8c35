"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";
import type { ReactNode } from "react";
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

/**
 * An error a page is loaded with (a form sent back by a redirect): announced and focused once, on load.
 * Without JavaScript it is still there, in the server's markup; the page's address points at it.
 */
export function FocusedErrorAlert({ id, className, children }: { id?: string; className?: string; children: ReactNode }) {
  const ref = useFocusOnError<HTMLDivElement>(true, null);
  return (
    <Alert tone="error" id={id} ref={ref} tabIndex={-1} className={className}>
      {children}
    </Alert>
  );
}
