import { TranslationProvider } from "@/components/i18n/translation-provider";
import { NotFoundNotice } from "@/components/layout/not-found-notice";
import { clientMessages } from "@/lib/i18n/client-messages";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/messages";

/**
 * A not-found page cannot read its params, and a cached page must not read the cookie: both languages'
 * few words go to the notice, which picks the page's language from the locale segment.
 */
export default function NotFound() {
  return (
    <TranslationProvider locale={DEFAULT_LOCALE} messages={clientMessages(LOCALES, "notFound")}>
      <NotFoundNotice />
    </TranslationProvider>
  );
}
