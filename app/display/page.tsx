import type { Metadata } from "next";
import { NotActivated } from "@/components/devices/not-activated";
import { CallDisplay } from "@/components/display/call-display";
import { getDeviceActor } from "@/lib/auth/device-session";
import { getDisplayState } from "@/lib/dal/display";
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
    <CallDisplay
      initial={state}
      locale={t.locale}
      now={new Date().toISOString()}
      labels={{
        counter: t("devices.display.counter"),
        nowCalling: t("devices.display.nowCalling"),
        recent: t("devices.display.recent"),
        none: t("devices.display.none"),
        recall: t("devices.display.recall"),
        offline: t("devices.display.offline"),
        enableSound: t("devices.display.enableSound"),
        enableSoundHint: t("devices.display.enableSoundHint"),
      }}
    />
  );
}
