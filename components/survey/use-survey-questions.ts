import { useT } from "@/components/i18n/translation-provider";
import type { MessageKey } from "@/lib/i18n/messages";
import { SKM_ELEMENTS, SKM_SCALE } from "@/lib/survey/skm";

export type SurveyQuestion = { name: string; question: string; answers: { value: string; label: string }[] };

/**
 * The regulation's nine questions and their four answers each, in the reader's language: the web survey
 * and the kiosk's read the same words (the `surveyQuestions` area of lib/i18n/client-messages.ts).
 */
export function useSurveyQuestions(): SurveyQuestion[] {
  const t = useT();
  return SKM_ELEMENTS.map((e) => ({
    name: e,
    question: t(`survey.${e}.q` as MessageKey),
    answers: SKM_SCALE.map((v) => ({ value: String(v), label: t(`survey.${e}.${v}` as MessageKey) })),
  }));
}
