import type { Metadata } from "next";
import { RecoverForm } from "@/components/booking/recover-form";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getPageTranslator } from "@/lib/i18n/server";

/** Cached for everyone (see app/[locale]/layout.tsx); never more than a second behind the database. */
export const revalidate = 1;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getPageTranslator((await params).locale)("recover.title"), robots: { index: false } };
}

/** A lost reference found again by NIK + phone (e.g. after "this NIK already has an active booking"). */
export default async function RecoverPage({ params }: Props) {
  const t = getPageTranslator((await params).locale);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("recover.title")}</h1>
      <p>{t("recover.intro")}</p>
      <TranslationProvider locale={t.locale} messages={clientMessages(t.locale, "recover")}>
        <RecoverForm />
      </TranslationProvider>
    </div>
  );
}
