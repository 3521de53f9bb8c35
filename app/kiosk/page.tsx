import type { Metadata } from "next";
import { NotActivated } from "@/components/devices/not-activated";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { Kiosk } from "@/components/kiosk/kiosk";
import { getDeviceActor } from "@/lib/auth/device-session";
import { requireOfficeById, toOfficeDTO } from "@/lib/dal/offices";
import { clientMessages } from "@/lib/i18n/client-messages";
import { LOCALES } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { createTranslator, isLocale } from "@/lib/i18n/translate";
import "./slip-print.css";

export const dynamic = "force-dynamic";

/** The tab title in the citizen's chosen language (`?lang=`), the kiosk's own otherwise. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { lang } = await searchParams;
  const t = isLocale(lang) ? createTranslator(lang) : await getTranslator();
  return { title: t("pageTitle.kiosk"), robots: { index: false, follow: false } };
}

type Props = { searchParams: Promise<{ lang?: string }> };

/**
 * The self check-in kiosk: scan or type the reference, type the NIK, get a queue number and a slip.
 * Each citizen may switch the screen's language; it is theirs only (`?lang=` without JavaScript, the
 * kiosk's own state with it) and goes back to the kiosk's language for the next person.
 */
export default async function KioskPage({ searchParams }: Props) {
  const [t, actor, { lang }] = await Promise.all([getTranslator(), getDeviceActor("kiosk.check_in"), searchParams]);
  if (!actor) return <NotActivated t={t} linkFailed={false} />;
  const office = toOfficeDTO(await requireOfficeById(actor.officeId));
  const locale = isLocale(lang) ? lang : t.locale;
  // Both languages: each citizen may switch the shared screen's language without a page load.
  return (
    <TranslationProvider locale={locale} messages={clientMessages(LOCALES, "kiosk")}>
      <Kiosk locale={locale} kioskLocale={t.locale} officeName={office.shortName} />
    </TranslationProvider>
  );
}
