"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { interpolate, type Params } from "@/lib/i18n/interpolate";
import type { ClientMessages } from "@/lib/i18n/client-messages";
import type { Locale, MessageKey } from "@/lib/i18n/messages";

/** The client side's translator: the server's call shape (lib/i18n/translate.ts), over the messages it was sent. */
export type ClientTranslator = ((key: MessageKey, params?: Params) => string) & { locale: Locale };

type Value = { locale: Locale; messages: ClientMessages };

const TranslationContext = createContext<Value | null>(null);

/**
 * Hands client components below it the messages a server page picked for them (`clientMessages()` in
 * lib/i18n/client-messages.ts) and the language to read them in. The page passes the locale it already
 * knows — the path segment on the cached citizen pages, the cookie on staff pages, the citizen's own choice
 * on the kiosk — so the provider reads no cookie and works on a cached page.
 */
export function TranslationProvider({ locale, messages, children }: { locale: Locale; messages: ClientMessages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

/** The same messages in another language below it: the kiosk's citizen switching the shared screen's language. */
export function TranslationLocale({ locale, children }: { locale: Locale; children: ReactNode }) {
  const outer = useContext(TranslationContext);
  const value = useMemo(() => ({ locale, messages: outer?.messages ?? {} }), [locale, outer]);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

/**
 * A key the page did not send reads as the key itself, as the server translator reads an unknown key —
 * visible on the page rather than blank — and is reported in development.
 */
function createClientTranslator(locale: Locale, messages: ClientMessages): ClientTranslator {
  const table = messages[locale] ?? {};
  const t = (key: MessageKey, params?: Params) => {
    const text = table[key];
    if (text === undefined && process.env.NODE_ENV !== "production") console.warn(`[i18n] "${key}" was not sent to the client for "${locale}": add it to CLIENT_MESSAGES`);
    return interpolate(text ?? key, params, locale);
  };
  return Object.assign(t, { locale });
}

export function useT(): ClientTranslator {
  const value = useContext(TranslationContext);
  if (!value) throw new Error("useT() needs a <TranslationProvider> above it");
  return useMemo(() => createClientTranslator(value.locale, value.messages), [value]);
}
