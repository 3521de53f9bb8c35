import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { TranslationLocale, TranslationProvider, useT } from "@/components/i18n/translation-provider";
import { CLIENT_MESSAGES, clientMessages, type ClientMessages } from "@/lib/i18n/client-messages";
import { messages, type Locale, type MessageKey } from "@/lib/i18n/messages";
import { createTranslator, type Params } from "@/lib/i18n/translate";

function Say({ k, params }: { k: string; params?: Params }) {
  return useT()(k as MessageKey, params);
}

function render(locale: Locale, sent: ClientMessages, child: ReactNode): string {
  // eslint-disable-next-line react/no-children-prop -- createElement without JSX (unit tests are .ts)
  return renderToStaticMarkup(createElement(TranslationProvider, { locale, messages: sent, children: child }));
}

describe("TranslationProvider / useT", () => {
  it.each(["id", "en"] as const)("reads a sent message in %s exactly as the server translator does, placeholders and dates included", (locale) => {
    const sent = clientMessages(locale, "kiosk");
    const server = createTranslator(locale);
    expect(render(locale, sent, createElement(Say, { k: "devices.kiosk.returning", params: { seconds: 7 } }))).toBe(server("devices.kiosk.returning", { seconds: 7 }));
    expect(render(locale, sent, createElement(Say, { k: "devices.slip.qr", params: { reference: "ABC-123" } }))).toBe(server("devices.slip.qr", { reference: "ABC-123" }));
  });

  it("fills a {name:date} placeholder in words, as the server does", () => {
    const key = "queue.error.notToday" satisfies MessageKey;
    const sent = { en: { [key]: messages.en[key] } };
    expect(render("en", sent, createElement(Say, { k: key, params: { date: "2026-12-02" } }))).toBe("This booking is for Wednesday, 2 December 2026, not today.");
  });

  it("a key the page did not send reads as the key itself, as the server reads an unknown key, and is reported outside production", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const html = render("id", clientMessages("id", "callDisplay"), createElement(Say, { k: "devices.kiosk.title" }));
    expect(html).toBe("devices.kiosk.title");
    expect(createTranslator("id")("no.such.key" as MessageKey)).toBe("no.such.key");
    expect(render("id", {}, createElement(Say, { k: "no.such.key" }))).toBe("no.such.key");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"devices.kiosk.title" was not sent'));
    warn.mockRestore();
  });

  it("TranslationLocale switches the same messages to the other language (the kiosk's citizen choosing English)", () => {
    const sent = clientMessages(["id", "en"], "kiosk");
    // eslint-disable-next-line react/no-children-prop -- createElement without JSX (unit tests are .ts)
    const inEnglish = createElement(TranslationLocale, { key: "b", locale: "en", children: createElement(Say, { k: "devices.kiosk.title" }) });
    const html = render("id", sent, [
      createElement(Say, { key: "a", k: "devices.kiosk.title" }),
      "|",
      inEnglish,
    ]);
    expect(html).toBe(`${messages.id["devices.kiosk.title"]}|${messages.en["devices.kiosk.title"]}`);
  });

  it("useT without a provider is a programming error, not a silent blank", () => {
    expect(() => renderToStaticMarkup(createElement(Say, { k: "devices.kiosk.title" }))).toThrow(/TranslationProvider/);
  });
});

describe("clientMessages", () => {
  it("sends only the area's keys, in the languages asked for, never the whole dictionary", () => {
    const one = clientMessages("en", "callDisplay");
    expect(Object.keys(one)).toEqual(["en"]);
    expect(Object.keys(one.en!).sort()).toEqual([...CLIENT_MESSAGES.callDisplay].sort());
    const both = clientMessages(["id", "en"], "kiosk");
    expect(Object.keys(both).sort()).toEqual(["en", "id"]);
    expect(Object.keys(both.id!).length).toBe(new Set(CLIENT_MESSAGES.kiosk).size);
    expect(Object.keys(both.id!).length).toBeLessThan(Object.keys(messages.id).length / 10);
  });

  it("every selector names a key (or a prefix of some keys) in the dictionary", () => {
    for (const selector of Object.values(CLIENT_MESSAGES).flat() as string[]) {
      const found = selector.endsWith(".") ? Object.keys(messages.id).some((key) => key.startsWith(selector)) : selector in messages.id;
      expect(found, selector).toBe(true);
    }
  });

  it("every key a useT() component reads is sent by some area (a missing one would show as its key)", () => {
    const sent = new Set(Object.values(CLIENT_MESSAGES).flat() as string[]);
    const files = walk(path.resolve("components")).filter((file) => /\.tsx?$/.test(file) && readFileSync(file, "utf8").includes("useT()"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const [, key] of readFileSync(file, "utf8").matchAll(/\bt\("([\w.]+)"/g)) {
        const covered = sent.has(key!) || [...sent].some((s) => s.endsWith(".") && key!.startsWith(s));
        expect(covered, `${path.relative(process.cwd(), file)}: ${key}`).toBe(true);
      }
    }
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
