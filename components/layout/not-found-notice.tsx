"use client";

import { useParams } from "next/navigation";
import { TranslationLocale, useT } from "@/components/i18n/translation-provider";
import { WayOnLinks } from "@/components/booking/way-on-links";

/** The citizen not-found page in the language of the locale segment (rendered on the server too: no JS needed). */
export function NotFoundNotice() {
  const { locale } = useParams<{ locale?: string }>();
  return (
    <TranslationLocale locale={locale === "en" ? "en" : "id"}>
      <NotFoundBody />
    </TranslationLocale>
  );
}

function NotFoundBody() {
  const t = useT();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("error.pageNotFound")}</h1>
      <p>{t("error.notFound")}</p>
      <WayOnLinks main={{ href: "/", label: t("nav.home") }} checkLabel={t("nav.check")} />
    </div>
  );
}
