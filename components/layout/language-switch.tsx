import { headers } from "next/headers";
import { setLocaleAction } from "@/lib/actions/locale";
import type { Translator } from "@/lib/i18n/translate";

/** A one-button form: works without JavaScript and returns to the same page. */
export async function LanguageSwitch({ t }: { t: Translator }) {
  const returnTo = (await headers()).get("x-return-to") ?? "/";
  const target = t.locale === "id" ? "en" : "id";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={target} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        lang={target}
        aria-label={t("lang.switchToHint")}
        className="min-h-12 rounded-lg border-2 border-white/70 px-3 py-2 text-sm font-semibold text-white hover:bg-white/10"
      >
        {t("lang.switchTo")}
      </button>
    </form>
  );
}
