"use client";

import { startTransition, useEffect, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { Button, ButtonLink } from "@/components/ui/button";
import { STAFF_HOME } from "@/lib/auth/staff-paths";
import { errorPageMessages } from "@/lib/i18n/messages/error-pages";

type Area = "public" | "staff" | "kiosk" | "display";
type Locale = "id" | "en";

/** A citizen page's language from its locale segment (`useParams`), when it has one: no need to wait for the document. */
export function segmentLocale(value: unknown): Locale | undefined {
  return value === "en" || value === "id" ? value : undefined;
}
type Key = keyof (typeof errorPageMessages)["id"];

/** Unattended screens try again by themselves: nobody is there to press the button. */
const DEVICE_RETRY_SECONDS = 30;

/** The page's language, from `<html lang>` (set by the section's layout); Bahasa Indonesia before hydration. */
function usePageLocale(): Locale {
  return useSyncExternalStore(
    () => () => {},
    () => (document.documentElement.lang === "en" ? "en" : "id"),
    () => "id",
  );
}

/**
 * The page for a failure the person cannot fix, in the page's language from the dictionary (its error-page
 * part only: the server may be what failed). Staff see the error's code to quote to the administrator;
 * the kiosk and the call display send people to the counter and try again by themselves. `locale` is the
 * page's language when the caller knows it (a citizen page's segment), else `<html lang>`. Above the
 * sections' layouts the page's language may be unknown: `bothLanguages` adds the English line.
 */
export function ErrorNotice({ reset, area = "public", digest, locale: given, bothLanguages = false }: { reset: () => void; area?: Area; digest?: string; locale?: Locale; bothLanguages?: boolean }) {
  const pageLocale = usePageLocale();
  const locale = given ?? pageLocale;
  const t = (key: Key, params: Record<string, string | number> = {}) =>
    errorPageMessages[locale][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  const device = area === "kiosk" || area === "display";
  const [seconds, setSeconds] = useState(DEVICE_RETRY_SECONDS);
  useEffect(() => {
    if (!device) return;
    if (seconds <= 0) {
      retry();
      return;
    }
    const timer = setTimeout(() => setSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- retry is recreated each render; the countdown drives it
  }, [device, seconds]);

  const body = area === "staff" ? t("errorPage.staff.body") : area === "kiosk" ? t("errorPage.kiosk.body") : area === "display" ? t("errorPage.display.body") : t("errorPage.body");
  return (
    <div className={device ? "space-y-6 text-center text-2xl" : "space-y-4"} role="alert">
      <h1 className={device ? "text-4xl font-bold" : "text-2xl font-bold"}>{t("errorPage.title")}</h1>
      <p>{body}</p>
      {bothLanguages ? (
        <p lang="en" className="text-muted">
          {errorPageMessages.en["errorPage.body"]}
        </p>
      ) : null}
      {area === "staff" && digest ? <p className="text-muted">{t("errorPage.staff.report", { code: digest })}</p> : null}
      {device ? <p className="text-muted">{t("errorPage.device.retrying", { seconds })}</p> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={retry}>
          {t("errorPage.retry")}
        </Button>
        {area === "staff" ? (
          <ButtonLink href={STAFF_HOME} variant="secondary">
            {t("errorPage.staff.home")}
          </ButtonLink>
        ) : null}
      </div>
    </div>
  );
}
