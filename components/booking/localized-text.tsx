import type { ReactNode } from "react";
import type { Localized } from "@/lib/i18n/content";
import type { Translator } from "@/lib/i18n/translate";

/**
 * Office content in the reader's language; a text that has no translation yet keeps its language for
 * screen readers (lang="id") and says so, rather than passing for English.
 */
export function LocalizedText({ value, t }: { value: Localized; t: Translator }) {
  if (value.lang === t.locale) return <>{value.text}</>;
  return (
    <>
      <span lang={value.lang}>{value.text}</span> <span className="text-sm font-normal text-muted">{t("content.fallbackNote")}</span>
    </>
  );
}

/** A translated sentence with one placeholder filled by markup (e.g. a link or a LocalizedText). */
export function withNode(template: string, placeholder: string, node: ReactNode): ReactNode {
  const at = template.indexOf(`{${placeholder}}`);
  if (at === -1) return template;
  return (
    <>
      {template.slice(0, at)}
      {node}
      {template.slice(at + placeholder.length + 2)}
    </>
  );
}
