import Link from "next/link";
import type { Metadata } from "next";
import { LookupForm } from "@/components/booking/lookup-form";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { Alert } from "@/components/ui/card";
import { notFound } from "next/navigation";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getPageTranslator } from "@/lib/i18n/server";
import { decodePageState, single } from "@/lib/page-state";
import { isReference, normalizeReference } from "@/lib/reference";

type Props = { params: Promise<{ locale: string; q: string }> };

/** Cached for everyone (see app/[locale]/layout.tsx); never more than a second behind the database. */
export const revalidate = 1;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getPageTranslator((await params).locale)("check.title"), robots: { index: false } };
}

export default async function CheckPage({ params }: Props) {
  const { locale, q } = await params;
  const t = getPageTranslator(locale);
  const query = decodePageState(q);
  if (!query) notFound();
  const given = single(query.reference);
  const reference = given ? normalizeReference(given) : undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("check.title")}</h1>
      {query.expired ? <Alert tone="info">{t("manage.expired")}</Alert> : null}
      <p>{t("check.intro")}</p>
      <TranslationProvider locale={t.locale} messages={clientMessages(t.locale, "lookup")}>
        <LookupForm reference={reference && isReference(reference) ? reference : undefined} />
      </TranslationProvider>
      <p>
        <Link prefetch={false} href="/check/recover" className="inline-flex min-h-12 items-center">
          {t("recover.link")}
        </Link>
      </p>
      <p>
        <Link prefetch={false} href="/standby" className="inline-flex min-h-12 items-center">
          {t("standby.check.link")}
        </Link>
      </p>
    </div>
  );
}
