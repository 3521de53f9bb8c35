import { headers } from "next/headers";
import type { Translator } from "@/lib/i18n/translate";
import { LanguageSwitchForm } from "./language-switch-form";
import { TypedInputRestorer } from "./typed-input-restorer";

/**
 * A one-button form that works without JavaScript: the page as loaded (x-return-to, set by proxy.ts) is
 * where it returns; with JavaScript the form reads the current page itself.
 */
export async function LanguageSwitch({ t }: { t: Translator }) {
  const returnTo = (await headers()).get("x-return-to") ?? "/";
  const target = t.locale === "id" ? "en" : "id";
  return (
    <>
      <LanguageSwitchForm returnTo={returnTo} target={target} label={t("lang.switchTo")} hint={t("lang.switchToHint")} />
      <TypedInputRestorer />
    </>
  );
}
