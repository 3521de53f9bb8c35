import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEVICE_HOME, getDeviceActor } from "@/lib/auth/device-session";
import { getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  // The address holds the token: no Referer leaves this site. Not "no-referrer": the button's post would then
  // carry `Origin: null` and be refused as a cross-site write.
  return { title: (await getTranslator())("devices.activate.title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/**
 * The admin's one-time link opened on the TV or kiosk: a page with one button, not the exchange itself. A
 * GET must not spend the link: a chat app's link preview or a mail scanner fetches it before the screen
 * does, and would take the device's cookie while the screen got "already used". The button posts the token
 * (confirm/route.ts); without JavaScript too.
 */
export default async function ActivateDevicePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [t, { token }, current] = await Promise.all([getTranslator(), searchParams, getDeviceActor("display.view")]);
  const value = typeof token === "string" && token.length <= 200 ? token : "";
  // A screen that is already active (the link opened again) just goes home.
  if (!value && current) redirect(DEVICE_HOME[current.kind]);
  if (!value) redirect("/display?activation=failed");
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-6 px-6 py-10 text-xl">
      <h1 className="text-4xl font-bold">{t("devices.activate.title")}</h1>
      <p>{t("devices.activate.body")}</p>
      <form method="post" action="/device/activate/confirm">
        <input type="hidden" name="token" value={value} />
        <button type="submit" className="min-h-20 w-full rounded-xl bg-brand-700 px-8 text-2xl font-bold text-white hover:bg-brand-800 sm:w-auto">
          {t("devices.activate.submit")}
        </button>
      </form>
    </main>
  );
}
