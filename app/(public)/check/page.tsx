import type { Metadata } from "next";
import { LookupForm } from "@/components/booking/lookup-form";
import { Alert } from "@/components/ui/card";
import { getTranslator } from "@/lib/i18n/server";
import { isReference, normalizeReference } from "@/lib/reference";

type Props = { searchParams: Promise<{ reference?: string; expired?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("check.title"), robots: { index: false } };
}

export default async function CheckPage({ searchParams }: Props) {
  const [query, t] = await Promise.all([searchParams, getTranslator()]);
  const reference = query.reference ? normalizeReference(query.reference) : undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("check.title")}</h1>
      {query.expired ? <Alert tone="info">{t("manage.expired")}</Alert> : null}
      <p>{t("check.intro")}</p>
      <LookupForm
        reference={reference && isReference(reference) ? reference : undefined}
        text={{
          reference: t("check.reference"),
          referenceHint: t("check.referenceHint"),
          nik: t("details.nik"),
          nikHint: t("details.nikHint"),
          phoneLast4: t("check.phoneLast4"),
          phoneLast4Hint: t("check.phoneLast4Hint"),
          submit: t("check.submit"),
          sending: t("common.loading"),
        }}
      />
      <p>
        <a href="/check/recover" className="inline-flex min-h-12 items-center">
          {t("recover.link")}
        </a>
      </p>
      <p>
        <a href="/standby" className="inline-flex min-h-12 items-center">
          {t("standby.check.link")}
        </a>
      </p>
    </div>
  );
}
