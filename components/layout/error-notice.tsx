"use client";

import { useEffect, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { STAFF_HOME } from "@/lib/auth/staff-paths";
import { errorPageMessages } from "@/lib/i18n/messages/error-pages";
import { usePageLocale, useRetry, type Locale } from "./public-error-notice";

type Area = "staff" | "kiosk" | "display";
type Key = keyof (typeof errorPageMessages)["id"];

/** Unattended screens try again by themselves: nobody is there to press the button. */
const DEVICE_RETRY_SECONDS = 30;

/**
 * The page for a failure the person cannot fix, on the staff portal, the kiosk and the call display, in the
 * page's language from the dictionary (its error-page part only: the server may be what failed). Staff see
 * the error's code to quote to the administrator; the kiosk and the call display send people to the counter
 * and try again by themselves. `locale` is the page's language when the caller knows it, else `<html lang>`.
 * The citizen pages, the root's boundaries and the printouts use the smaller PublicErrorNotice.
 */
export function ErrorNotice({ reset, area, digest, locale: given }: { reset: () => void; area: Area; digest?: string; locale?: Locale }) {
  const pageLocale = usePageLocale();
  const locale = given ?? pageLocale;
  const t = (key: Key, params: Record<string, string | number> = {}) =>
    errorPageMessages[locale][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  const retry = useRetry(reset);
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

  const body = area === "staff" ? t("errorPage.staff.body") : area === "kiosk" ? t("errorPage.kiosk.body") : t("errorPage.display.body");
  return (
    <div className={device ? "space-y-6 text-center text-2xl" : "space-y-4"} role="alert">
      <h1 className={device ? "text-4xl font-bold" : "text-2xl font-bold"}>{t("errorPage.title")}</h1>
      <p>{body}</p>
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
