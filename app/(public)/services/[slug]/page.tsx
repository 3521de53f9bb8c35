import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Steps } from "@/components/booking/steps";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/field";
import { findPublicService } from "@/lib/dal/public-service";
import { getTranslator } from "@/lib/i18n/server";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ incomplete?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslator();
  const service = await findPublicService((await params).slug, t.locale);
  return { title: service?.name ?? t("error.pageNotFound") };
}

/** Step 1: the requirements and forms, with a checklist that must be complete to go on. */
export default async function ServicePage({ params, searchParams }: Props) {
  const [{ slug }, { incomplete }, t] = await Promise.all([params, searchParams, getTranslator()]);
  const service = await findPublicService(slug, t.locale);
  if (!service) notFound();
  const forms = service.requirements.flatMap((r) => r.forms);

  return (
    <div className="space-y-6">
      <Steps current={1} t={t} />
      <h1 className="text-2xl font-bold">{service.name}</h1>
      {service.eligibilityNote ? <p>{t("service.eligibility", { note: service.eligibilityNote })}</p> : null}

      <form action={`/book/${service.slug}`} method="get" className="space-y-6">
        <Card aria-labelledby="requirements">
          <h2 id="requirements" className="text-xl font-bold">
            {t("service.requirementsTitle")}
          </h2>
          <p className="mb-2 text-muted">{t("service.requirementsIntro")}</p>
          {incomplete ? <Alert tone="error" className="mb-3">{t("service.incomplete")}</Alert> : null}
          <div className="divide-y divide-slate-100">
            {service.requirements.map((r, i) => (
              <Checkbox key={i} name="ready" value={String(i)} id={`ready-${i}`} label={t("service.ready", { item: r.text })} />
            ))}
          </div>
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
                    {t("service.formDownload", { name: f.name })}
                  </a>
                  {f.description ? <p className="text-sm text-muted">{f.description}</p> : null}
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
