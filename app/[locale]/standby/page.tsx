import type { Metadata } from "next";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { StandbyCheck } from "@/components/standby/standby-check";
import { Alert } from "@/components/ui/card";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getPageTranslator } from "@/lib/i18n/server";
import { formatReference, isReference, normalizeReference } from "@/lib/reference";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ reference?: string; position?: string }> };

/**
 * Rendered per request: it reads the query (the code and position just given). Without this, the locale
 * layout's generateStaticParams would make Next try to cache it, and reading the query then fails the render
 * (DYNAMIC_SERVER_USAGE), for example when a link to it is prefetched.
 */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getPageTranslator((await params).locale)("standby.check.title"), robots: { index: false } };
}

/** The standby look-up: code + NIK → position, or the offered place and its accept button. */
export default async function StandbyPage({ params, searchParams }: Props) {
  const [query, { locale }] = await Promise.all([searchParams, params]);
  const t = getPageTranslator(locale);
  const normalized = query.reference ? normalizeReference(query.reference) : "";
  const reference = isReference(normalized) ? normalized : undefined;
  const position = Number(query.position);
  const joined = reference && Number.isInteger(position) && position > 0;
  return (
    <div className="space-y-4">
      {joined ? (
        <Alert tone="success">
          <h1 className="text-2xl font-bold">{t("standby.joined.title")}</h1>
          <p className="mt-2">
            {t("standby.joined.reference")}: <strong className="font-mono text-xl">{formatReference(reference)}</strong>
          </p>
          <p className="text-lg font-semibold">{t("standby.joined.position", { position })}</p>
          <p className="mt-2">{t("standby.joined.next")}</p>
        </Alert>
      ) : null}
      {joined ? <h2 className="text-xl font-bold">{t("standby.check.title")}</h2> : <h1 className="text-2xl font-bold">{t("standby.check.title")}</h1>}
      <p>{t("standby.check.intro")}</p>
      <TranslationProvider locale={t.locale} messages={clientMessages(t.locale, "standbyCheck")}>
        <StandbyCheck reference={reference} />
      </TranslationProvider>
    </div>
  );
}
