"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useT } from "@/components/i18n/translation-provider";

/** Long enough to read the thanks; the kiosk then belongs to the next person. */
const RETURN_AFTER_S = 8;

export function KioskSurveyThanks() {
  const t = useT();
  const [left, setLeft] = useState(RETURN_AFTER_S);
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    // The check-in page starts with a fresh state and the kiosk's own language.
    if (left <= 0) router.push("/kiosk");
  }, [left, router]);
  return (
    <>
      {/* Without JavaScript the page itself goes back to the start; with it, the countdown does. */}
      <noscript dangerouslySetInnerHTML={{ __html: `<meta http-equiv="refresh" content="${RETURN_AFTER_S};url=/kiosk">` }} />
      <section aria-live="polite" lang={t.locale} className="flex flex-col items-center gap-8 text-center">
        <h2 className="text-5xl font-bold text-green-800">✓ {t("survey.thanks")}</h2>
        {/* A full load back to the kiosk's start. The rule takes /kiosk for a citizen page: app/[locale]/[...rest] matches every path. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/kiosk" className="inline-flex min-h-24 items-center rounded-2xl bg-brand-600 px-10 text-4xl font-bold text-white no-underline">
          {t("devices.kiosk.done")}
        </a>
        <p className="text-2xl text-muted">{t("devices.kiosk.returning", { seconds: Math.max(left, 0) })}</p>
      </section>
    </>
  );
}
