import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { staffClientMessages } from "@/components/staff/staff-messages";
import { StaffNav } from "@/components/staff/staff-nav";
import { Alert } from "@/components/ui/card";
import { endOtherSessionsAction, logoutAction } from "@/lib/actions/staff-auth";
import { can } from "@/lib/auth/permissions";
import { getStaffActor } from "@/lib/auth/session";
import { hasPerAddressLimits } from "@/lib/client-ip";
import { getOffice, requireOfficeById, toOfficeDTO } from "@/lib/dal/offices";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: { default: t("staff.portal"), template: t("pageTitle.staffTemplate") }, robots: { index: false, follow: false } };
}

/**
 * The staff shell. Pages still call requireStaffPage: a layout does not re-run on every navigation. That
 * suits the translations: the portal's client components read them through one provider here, sent with a
 * page load or a refresh, not again on each move between staff pages (a language switch re-renders the
 * whole tree), and only the tiers the account can reach (components/staff/staff-messages.ts).
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [t, actor, requestHeaders] = await Promise.all([getTranslator(), getStaffActor(), headers()]);
  const returnTo = requestHeaders.get("x-return-to") ?? "";
  const sessionsEnded = new URLSearchParams(returnTo.split("?")[1] ?? "").get("sessionsEnded") === "1";
  const officeRow = actor ? await requireOfficeById(actor.officeId) : null;
  const office = officeRow ? toOfficeDTO(officeRow) : await getOffice();
  return (
    <>
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-3">
        {t("site.skipToContent")}
      </a>
      <header className="no-print bg-slate-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-col">
            <span className="text-lg font-bold">
              {t("site.name")} · {t("staff.portal")}
            </span>
            <span className="text-sm">{office.name}</span>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            {actor ? <span className="text-sm">{t("staff.signedInAs", { name: actor.name, role: t(`staff.role.${actor.role}`) })}</span> : null}
            <LanguageSwitch t={t} returnTo={returnTo} />
            {actor ? (
              <form action={endOtherSessionsAction}>
                <button type="submit" className="min-h-12 rounded-lg border border-white px-3 py-2 text-sm font-semibold text-white hover:bg-slate-700">
                  {t("security.endOtherSessions")}
                </button>
              </form>
            ) : null}
            {actor ? (
              <form action={logoutAction}>
                <button type="submit" className="min-h-12 rounded-lg bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100">
                  {t("staff.logout")}
                </button>
              </form>
            ) : null}
          </div>
        </div>
        {actor ? <StaffNav actor={actor} t={t} currentPath={returnTo} isMainOffice={officeRow?.parentId === null} /> : null}
      </header>
      <main id="content" className="mx-auto max-w-6xl px-4 py-6">
        {actor && can(actor, "settings.manage") && !hasPerAddressLimits() ? (
          // A standing notice, not news: not a live region (role="note").
          <Alert tone="warning" className="mb-6" role="note">
            {t("security.noTrustedProxy")}
          </Alert>
        ) : null}
        {actor && sessionsEnded ? (
          <Alert tone="success" className="mb-6" role="status">
            {t("security.otherSessionsEnded")}
          </Alert>
        ) : null}
        <TranslationProvider locale={t.locale} messages={staffClientMessages(t.locale, actor)}>
          {children}
        </TranslationProvider>
      </main>
    </>
  );
}
