import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getOffice } from "@/lib/dal/offices";
import { getTranslator } from "@/lib/i18n/server";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [t, office] = await Promise.all([getTranslator(), getOffice()]);
  return (
    <>
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-3">
        {t("site.skipToContent")}
      </a>
      <header className="no-print bg-brand-700 text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="flex flex-col text-white no-underline">
            <span className="text-xl font-bold">{t("site.name")}</span>
            <span className="text-sm">{office.shortName}</span>
          </Link>
          <LanguageSwitch t={t} />
        </div>
        <nav aria-label={t("nav.home")} className="bg-brand-800">
          <ul className="mx-auto flex max-w-3xl gap-1 px-2">
            <li>
              <Link href="/" className="inline-flex min-h-12 items-center px-3 text-white">
                {t("nav.book")}
              </Link>
            </li>
            <li>
              <Link href="/check" className="inline-flex min-h-12 items-center px-3 text-white">
                {t("nav.check")}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="content" className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
      <footer className="no-print mx-auto max-w-3xl space-y-2 border-t border-slate-200 px-4 py-6 text-sm text-muted">
        <p>{t("footer.noOnline")}</p>
        <p>{t("footer.privacy")}</p>
        <p>
          <a href="/transparansi">{t("transparency.title")}</a>
        </p>
        <p>
          {office.name}
          {office.address ? ` · ${office.address}` : ""}
        </p>
      </footer>
    </>
  );
}
