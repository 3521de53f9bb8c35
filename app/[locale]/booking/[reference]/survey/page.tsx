import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SurveyForm, type SurveyProfileField, type SurveyQuestion } from "@/components/survey/survey-form";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { RATE_LIMITED } from "@/lib/dal/public-booking";
import { findSurveyAccess } from "@/lib/dal/survey";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { MessageKey } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import type { Translator } from "@/lib/i18n/translate";
import { readManageToken } from "@/lib/manage-cookie";
import { requestIp } from "@/lib/request-context";
import { AGE_BANDS, EDUCATION_LEVELS, OCCUPATIONS, SKM_ELEMENTS, SKM_SCALE } from "@/lib/survey/skm";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ done?: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

function questions(t: Translator): SurveyQuestion[] {
  return SKM_ELEMENTS.map((e) => ({
    name: e,
    question: t(`survey.${e}.q` as MessageKey),
    answers: SKM_SCALE.map((v) => ({ value: String(v), label: t(`survey.${e}.${v}` as MessageKey) })),
  }));
}

function profile(t: Translator): SurveyProfileField[] {
  const options = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  return [
    { name: "ageBand", label: t("survey.ageBand"), options: options(AGE_BANDS, "survey.age") },
    { name: "sex", label: t("survey.sex"), options: options(["M", "F"], "survey.sex") },
    { name: "education", label: t("survey.education"), options: options(EDUCATION_LEVELS, "survey.edu") },
    { name: "occupation", label: t("survey.occupation"), options: options(OCCUPATIONS, "survey.job") },
  ];
}

/** The SKM after a finished visit, reached from the confirmation page or the printed slip. */
export default async function SurveyPage({ params, searchParams }: Props) {
  const [{ reference }, { done }, t] = await Promise.all([params, searchParams, getTranslator()]);
  const access = await findSurveyAccess(reference, t.locale, await readManageToken(), { ip: await requestIp() }).catch((error: unknown) => {
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
          <SurveyForm
            reference={access.reference}
            needsNik={access.needsNik}
            questions={questions(t)}
            profile={profile(t)}
            text={{
              legend: t("survey.scaleLegend"),
              comment: t("survey.comment"),
              optional: t("common.optional"),
              profileTitle: t("survey.profileTitle"),
              profileHint: t("survey.profileHint"),
              notAnswered: t("survey.notAnswered"),
              nik: t("survey.nik"),
              nikHint: t("survey.nikHint"),
              submit: t("survey.submit"),
              sending: t("common.loading"),
            }}
          />
        </Card>
      )}
      <ButtonLink href={back} variant="secondary">
        {t("common.back")}
      </ButtonLink>
    </div>
  );
}
