import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { SurveyForm } from "@/components/survey/survey-form";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { RATE_LIMITED } from "@/lib/dal/public-booking";
import { findSurveyAccess } from "@/lib/dal/survey";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getPageTranslator } from "@/lib/i18n/server";
import { readManageToken } from "@/lib/manage-cookie";
import { requestIp } from "@/lib/request-context";

type Props = { params: Promise<{ locale: string; reference: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getPageTranslator((await params).locale)("survey.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The SKM after a finished visit, reached from the confirmation page or the printed slip. */
export default async function SurveyPage({ params, searchParams }: Props) {
  const [{ locale, reference }, { done }] = await Promise.all([params, searchParams]);
  const t = getPageTranslator(locale);
  const access = await findSurveyAccess({ reference, manageToken: await readManageToken(), ip: await requestIp() }, { locale: t.locale }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "rate_limited") return RATE_LIMITED;
    throw error;
  });
  if (access === RATE_LIMITED) return <Alert tone="error">{t("error.rateLimited")}</Alert>;
  if (!access) notFound();
  const back = `/booking/${access.reference}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("survey.title")}</h1>
      <p>{t("survey.visit", { service: access.serviceName, date: formatDate(access.date, t.locale), reference: access.referenceDisplay })}</p>
      {done ? (
        <Alert tone="success">{t("survey.thanks")}</Alert>
      ) : access.state === "answered" ? (
        <Alert tone="info">{t("survey.already")}</Alert>
      ) : access.state === "not_served" ? (
        <Alert tone="info">{t("survey.notServed")}</Alert>
      ) : (
        <Card>
          <p className="mb-4">{t("survey.intro")}</p>
          <TranslationProvider locale={t.locale} messages={clientMessages(t.locale, "survey", "surveyQuestions")}>
            <SurveyForm reference={access.reference} needsNik={access.needsNik} />
          </TranslationProvider>
        </Card>
      )}
      <ButtonLink href={back} variant="secondary">
        {t("common.back")}
      </ButtonLink>
    </div>
  );
}
