import type { Metadata } from "next";
import { NotActivated } from "@/components/devices/not-activated";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { KioskSurvey } from "@/components/kiosk/kiosk-survey";
import { getDeviceActor } from "@/lib/auth/device-session";
import { clientMessages } from "@/lib/i18n/client-messages";
import { LOCALES } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { createTranslator, isLocale } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

/** The tab title in the citizen's chosen language (`?lang=`), the kiosk's own otherwise. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { lang } = await searchParams;
  const t = isLocale(lang) ? createTranslator(lang) : await getTranslator();
  return { title: t("pageTitle.kioskSurvey"), robots: { index: false, follow: false } };
}

type Props = { searchParams: Promise<{ lang?: string }> };

/** The SKM on the office's own kiosk: the code of a finished visit is enough here (no NIK), see lib/dal/kiosk-survey. */
export default async function KioskSurveyPage({ searchParams }: Props) {
  const [t, actor, { lang }] = await Promise.all([getTranslator(), getDeviceActor("survey.record"), searchParams]);
  if (!actor) return <NotActivated t={t} linkFailed={false} />;
  const locale = isLocale(lang) ? lang : t.locale;
  // Both languages: the citizen may switch the shared screen's language without a page load (and keep the answers).
  return (
    <TranslationProvider locale={locale} messages={clientMessages(LOCALES, "kioskSurvey", "surveyQuestions")}>
      <KioskSurvey locale={locale} />
    </TranslationProvider>
  );
}
