import type { MessageKey } from "@/lib/i18n/messages";
import type { Translator } from "@/lib/i18n/translate";
import { SKM_ELEMENTS, SKM_SCALE } from "@/lib/survey/skm";

/** The kiosk survey's words in one language: the web survey's own questions and answers, and the kiosk's frame. */
export function kioskSurveyLabels(t: Translator) {
  return {
    title: t("kioskSurvey.title"),
    intro: t("kioskSurvey.intro"),
    reference: t("devices.kiosk.reference"),
    referenceHint: t("kioskSurvey.referenceHint"),
    next: t("kioskSurvey.next"),
    back: t("kioskSurvey.back"),
    answerHint: t("kioskSurvey.answerHint"),
    errorTitle: t("devices.kiosk.errorTitle"),
    switchTo: t("lang.switchTo"),
    submit: t("survey.submit"),
    thanks: t("survey.thanks"),
    returning: t("devices.kiosk.returning"),
    done: t("devices.kiosk.done"),
    loading: t("common.loading"),
    /** "Layanan {service}, tanggal {date} (kode {reference})", filled on the client with the visit. */
    visit: t("survey.visit"),
    questionOf: t("kioskSurvey.question"),
    questions: SKM_ELEMENTS.map((e) => ({
      name: e,
      question: t(`survey.${e}.q` as MessageKey),
      answers: SKM_SCALE.map((v) => ({ value: String(v), label: t(`survey.${e}.${v}` as MessageKey) })),
    })),
  };
}

export type KioskSurveyLabels = ReturnType<typeof kioskSurveyLabels>;
