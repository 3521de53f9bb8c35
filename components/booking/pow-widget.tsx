"use client";

import type {} from "altcha/types/react";
import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n/translation-provider";

type Widget = HTMLElement & { getState?: () => string; verify?: () => Promise<unknown> };

/**
 * Proof of work for the booking form, out of sight: the ALTCHA widget fetches a challenge as the page
 * loads and solves it in Web Workers while the person types; it adds the `altcha` field to the form.
 * A submit before it is done waits for it ("checking…") and then goes on by itself. After a refused
 * submit (the form is reset) it solves a new challenge. If it fails, the form is sent without a
 * solution and the server falls back to its short wait, as without JavaScript.
 *
 * The widget's script (~35 KB gzip, a long task to evaluate on a slow phone) is loaded once the page has
 * hydrated and the main thread is idle, or at once when the person starts on the form, whichever is first.
 */
export function PowWidget({ challengeUrl, answer }: { challengeUrl: string; answer: unknown }) {
  const t = useT();
  const ref = useRef<Widget>(null);
  const [checking, setChecking] = useState(false);

  // Every answer of the server may have used the solution up (a refused booking spends it): start again.
  useEffect(() => {
    const widget = ref.current as (Widget & { reset?: () => void }) | null;
    if (widget?.getState?.() === "verified") widget.reset?.();
  }, [answer]);

  useEffect(() => {
    const widget = ref.current;
    const form = widget?.closest("form");
    if (!widget || !form) return;
    let loaded = false;
    const load = () => {
      if (loaded) return;
      loaded = true;
      void import("altcha");
    };
    const idle = typeof requestIdleCallback === "function" ? requestIdleCallback(load, { timeout: 2000 }) : setTimeout(load, 1);
    let submitter: HTMLElement | null = null;
    let waiting = false;
    let solvedOnce = false;
    let restart: ReturnType<typeof setTimeout> | undefined;

    const onSubmit = (event: SubmitEvent) => {
      const state = widget.getState?.();
      if (!state || state === "verified" || state === "error") return;
      event.preventDefault();
      event.stopPropagation();
      submitter = event.submitter;
      waiting = true;
      setChecking(true);
      if (state !== "verifying") void widget.verify?.();
    };
    const onStateChange = (event: Event) => {
      const state = (event as CustomEvent<{ state: string }>).detail.state;
      if (state === "verified") solvedOnce = true;
      if ((state === "verified" || state === "error") && waiting) {
        waiting = false;
        setChecking(false);
        form.requestSubmit(submitter && form.contains(submitter) ? submitter : undefined);
      }
      // Reset after a submit, or expired: one fresh solution in the background for the next one.
      if ((state === "unverified" || state === "expired") && solvedOnce && !restart) {
        restart = setTimeout(() => {
          restart = undefined;
          const now = widget.getState?.();
          if (now === "unverified" || now === "expired") void widget.verify?.();
        }, 0);
      }
    };
    form.addEventListener("focusin", load);
    form.addEventListener("submit", onSubmit, { capture: true });
    widget.addEventListener("statechange", onStateChange);
    return () => {
      if (typeof requestIdleCallback === "function") cancelIdleCallback(idle as number);
      else clearTimeout(idle);
      form.removeEventListener("focusin", load);
      form.removeEventListener("submit", onSubmit, { capture: true });
      widget.removeEventListener("statechange", onStateChange);
      clearTimeout(restart);
    };
  }, []);

  return (
    <>
      <altcha-widget ref={ref} challenge={challengeUrl} auto="onload" display="invisible" name="altcha" />
      {checking ? (
        <p role="status" className="text-sm">
          {t("pow.checking")}
        </p>
      ) : null}
    </>
  );
}
