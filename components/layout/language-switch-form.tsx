"use client";

import { usePathname } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { setLocaleAction } from "@/lib/actions/locale";
import { saveTypedInput } from "./typed-input";

type Props = { returnTo: string; target: string; label: string; hint: string };

/**
 * The language switch. Without JavaScript every page is a full load, so the server's idea of the
 * current page (`returnTo`) is right. With JavaScript the layout is not rendered again on link
 * navigation, so the current address is read when the button is pressed, and what the person typed
 * on the page is kept for the page to come back with (sessionStorage: never in a URL).
 */
export function LanguageSwitchForm({ returnTo, target, label, hint }: Props) {
  const returnRef = useRef<HTMLInputElement>(null);
  const pathname = usePathname();
  // The action always redirects; the state is only what `defineAction` forms carry.
  const [, action] = useActionState(setLocaleAction, { status: "idle" as const });
  useEffect(() => {
    if (returnRef.current) returnRef.current.value = window.location.pathname + window.location.search;
  }, [pathname]);

  function keepPlace() {
    const here = window.location.pathname + window.location.search;
    if (returnRef.current) returnRef.current.value = here;
    saveTypedInput(here);
  }

  return (
    <form action={action} onSubmit={keepPlace}>
      <input type="hidden" name="locale" value={target} />
      <input ref={returnRef} type="hidden" name="returnTo" defaultValue={returnTo} />
      <button
        type="submit"
        lang={target}
        aria-label={hint}
        className="min-h-12 rounded-lg border-2 border-white/70 px-3 py-2 text-sm font-semibold text-white hover:bg-white/10"
      >
        {label}
      </button>
    </form>
  );
}
