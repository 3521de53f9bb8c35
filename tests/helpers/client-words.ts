import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, expect, vi, type MockInstance } from "vitest";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import type { ClientMessages } from "@/lib/i18n/client-messages";
import { messages, type Locale } from "@/lib/i18n/messages";

/**
 * Client components read their words through useT() from what their page sends (lib/i18n/client-messages.ts).
 * These render one as the server does, with the words given, and find what its page did not send.
 */
export function renderWithWords(locale: Locale, words: ClientMessages, child: ReactNode): string {
  // eslint-disable-next-line react/no-children-prop -- createElement without JSX (unit tests are .ts)
  return renderToStaticMarkup(createElement(TranslationProvider, { locale, messages: words, children: child }));
}

/** Every dictionary key that shows in the page as itself: a word its area did not send. */
export const leakedKeys = (html: string) => Object.keys(messages.id).filter((key) => key.includes(".") && html.includes(key));

/** A text as React writes it into HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

/** Fails each test of the file in which the translator warned of a word it was not sent; `after` runs first. */
export function failOnUnsentWords(after?: () => void): void {
  let warn: MockInstance;
  beforeEach(() => {
    warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterEach(() => {
    const warnings = warn.mock.calls.map((call) => String(call[0]));
    warn.mockRestore();
    after?.();
    expect(warnings, "words the page did not send").toEqual([]);
  });
}
