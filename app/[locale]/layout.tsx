import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { HtmlDocument } from "@/components/layout/html-document";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getOffice } from "@/lib/dal/offices";
import { createTranslator, isLocale } from "@/lib/i18n/translate";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

/**
 * Citizen pages. proxy.ts rewrites every citizen address to `/id/…` or `/en/…` by the language cookie,
 * so the language is a path segment here and the pages that are the same for everyone can be cached.
 * Nothing is rendered at build time (the build has no database): each path is rendered on its first
 * request and then served from the cache.
 *
 * The links do not prefetch (`prefetch={false}`, as ButtonLink): a phone that opens a page in the rush
 * spends its first seconds on hydration, not on fetching the pages behind every visible link; the next
 * page is fetched on the tap, from the page cache.
 */
export function generateStaticParams() {
  return [];
}

/** The site's description in the page's language (the root layout's is Indonesian, for pages above the locale). */
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { description: createTranslator(locale)("site.description") } : {};
}

export default async function PublicLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = createTranslator(locale);
  const office = await getOffice();
  return (
    <HtmlDocument locale={locale}>
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-3">
        {t("site.skipToContent")}
      </a>
      <header className="no-print bg-brand-700 text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link prefetch={false} href="/" className="flex flex-col text-white no-underline">
            <span className="text-xl font-bold">{t("site.name")}</span>
            <span className="text-sm">{office.shortName}</span>
          </Link>
          <LanguageSwitch t={t} />
        </div>
        <nav aria-label={t("nav.home")} className="bg-brand-800">
          <ul className="mx-auto flex max-w-3xl gap-1 px-2">
            <li>
              <Link prefetch={false} href="/" className="inline-flex min-h-12 items-center px-3 text-white">
                {t("nav.book")}
              </Link>
            </li>
            <li>
              <Link prefetch={false} href="/check" className="inline-flex min-h-12 items-center px-3 text-white">
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
          {/* A full-size touch target (48 px), though it sits in the small print. */}
          <Link prefetch={false} href="/transparansi" className="inline-flex min-h-12 items-center text-base">
            {t("transparency.title")}
          </Link>
        </p>
        <p>
          {office.name}
          {office.address ? ` · ${office.address}` : ""}
        </p>
      </footer>
    </HtmlDocument>
  );
}
