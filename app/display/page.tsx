import type { Metadata } from "next";
import { NotActivated } from "@/components/devices/not-activated";
import { CallDisplay } from "@/components/display/call-display";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { getDeviceActor } from "@/lib/auth/device-session";
import { getDisplayState } from "@/lib/dal/display";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.display"), robots: { index: false, follow: false } };
}

/** The waiting-room TV. Only an activated device sees queue data; anyone else gets the instructions. */
export default async function DisplayPage({ searchParams }: { searchParams: Promise<{ activation?: string }> }) {
  const [t, actor, { activation }] = await Promise.all([getTranslator(), getDeviceActor("display.view"), searchParams]);
  if (!actor) return <NotActivated t={t} linkFailed={activation === "failed"} />;
  const state = await getDisplayState(actor);
  return (
    <TranslationProvider locale={t.locale} messages={clientMessages(t.locale, "callDisplay")}>
      <CallDisplay initial={state} now={new Date().toISOString()} />
    </TranslationProvider>
  );
}
