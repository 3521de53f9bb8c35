import { NotFoundNotice } from "@/components/layout/not-found-notice";
import { createTranslator } from "@/lib/i18n/translate";

const text = (locale: "id" | "en") => {
  const t = createTranslator(locale);
  return { title: t("error.pageNotFound"), body: t("error.notFound"), home: t("nav.home"), check: t("nav.check") };
};

/**
 * A not-found page cannot read its params, and a cached page must not read the cookie: both languages'
 * few words go to the notice, which picks the page's language from the locale segment.
 */
export default function NotFound() {
  return <NotFoundNotice text={{ id: text("id"), en: text("en") }} />;
}
