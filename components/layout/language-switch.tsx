import type { Translator } from "@/lib/i18n/translate";
import { LanguageSwitchForm } from "./language-switch-form";
import { TypedInputRestorer } from "./typed-input-restorer";

/**
 * A one-button form that works without JavaScript. `returnTo` is the page to come back to when the
 * caller knows it (the staff layout, rendered per request); the cached citizen pages cannot know their
 * own address, so without JavaScript the action falls back to the page the form was posted from
 * (the Referer, same origin only). With JavaScript the form reads the current page itself.
 */
export function LanguageSwitch({ t, returnTo = "" }: { t: Translator; returnTo?: string }) {
  const target = t.locale === "id" ? "en" : "id";
  return (
    <>
      <LanguageSwitchForm returnTo={returnTo} target={target} label={t("lang.switchTo")} hint={t("lang.switchToHint")} />
      <TypedInputRestorer />
    </>
  );
}
