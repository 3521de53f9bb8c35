import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LocalizedText, withNode } from "@/components/booking/localized-text";
import { RequirementsChecklist } from "@/components/booking/requirements-checklist";
import { Steps } from "@/components/booking/steps";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { findPublicService, tickedDocuments } from "@/lib/dal/public-service";
import { getPageTranslator } from "@/lib/i18n/server";
import { decodePageState } from "@/lib/page-state";
import { parsePlaceParam } from "@/lib/place-path";

type Props = { params: Promise<{ locale: string; slug: string; q: string }> };

/** Cached for everyone (see app/[locale]/layout.tsx); never more than a second behind the database. */
export const revalidate = 1;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug, q } = await params;
  const t = getPageTranslator(locale);
  const office = parsePlaceParam(decodePageState(q)?.office);
  const service = office === null ? null : await findPublicService({ slug, officeSlug: office }, { locale: t.locale });
  return { title: service?.name.text ?? t("error.pageNotFound") };
}

/** Step 1: the requirements and forms, with a checklist of documents that must be complete to go on. */
export default async function ServicePage({ params }: Props) {
  const { locale, slug, q } = await params;
  const t = getPageTranslator(locale);
  const query = decodePageState(q);
  if (!query) notFound();
  const incomplete = query.incomplete;
  const office = parsePlaceParam(query.office);
  if (office === null) notFound();
  const service = await findPublicService({ slug, officeSlug: office }, { locale: t.locale });
  if (!service) notFound();
  const forms = [...new Map(service.requirements.flatMap((r) => r.forms).map((f) => [f.slug, f])).values()];

  return (
    <div className="space-y-6">
      <Steps current={1} t={t} />
      <h1 className="text-2xl font-bold">
        <LocalizedText value={service.name} t={t} />
      </h1>
      {service.eligibilityNote ? (
        <p>
          <span className="font-semibold">{t("service.ageRule")}</span> <LocalizedText value={service.eligibilityNote} t={t} />
        </p>
      ) : null}

      <form action={`/book/${service.slug}`} method="get" className="space-y-6">
        {office ? <input type="hidden" name="office" value={office} /> : null}
        <Card aria-labelledby="requirements">
          <h2 id="requirements" className="mb-2 text-xl font-bold">
            {t("service.requirementsTitle")}
          </h2>
          <RequirementsChecklist service={service} t={t} incomplete={Boolean(incomplete)} ticked={tickedDocuments(service, query.ready)} />
        </Card>

        <Card aria-labelledby="forms">
          <h2 id="forms" className="text-xl font-bold">
            {t("service.formsTitle")}
          </h2>
          {forms.length === 0 ? (
            <p className="text-muted">{t("service.noForms")}</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {forms.map((f) => (
                <li key={f.slug}>
                  <a href={f.url} rel="noopener noreferrer" className="inline-flex min-h-12 items-center">
                    <span>{withNode(t("service.formDownload", { name: "{name}" }), "name", <LocalizedText value={f.name} t={t} />)}</span>
                  </a>
                  {f.description ? (
                    <p className="text-sm text-muted">
                      <LocalizedText value={f.description} t={t} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Button type="submit" className="w-full sm:w-auto">
          {t("service.continue")}
        </Button>
      </form>
    </div>
  );
}
