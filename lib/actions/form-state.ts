import { unstable_rethrow } from "next/navigation";
import { asExpectedError } from "../api/respond";
import { describeError, isAppError } from "../errors";
import type { Translator } from "../i18n/translate";
import { isBookingStatus, STATUS_LABEL } from "../queue-labels";

/** What a form shows after a failed submit: the message, each field's errors, and what was typed. */
export type FormState = {
  status: "idle" | "error";
  code?: string;
  message?: string;
  fields?: Record<string, string[]>;
  values?: Record<string, string>;
  /** A service that fits the person better (e.g. KIA for a child refused KTP-el), to link to. */
  suggestion?: { href: string; label: string };
  /** No proof of work came with the booking form: post again with this token once `readyAt` has passed. */
  wait?: { token: string; readyAt: string };
};

export const IDLE: FormState = { status: "idle" };

/**
 * Expected errors become form state in the reader's language. Next's own control flow (redirect,
 * notFound…) passes through; anything else is logged without personal data (drizzle puts a failed
 * query's parameters in its message) and surfaces as a bare error to error.tsx. A refused transition also
 * says the booking's current status, so the operator knows why ("… Status saat ini: Selesai.").
 */
export function toFormState(thrown: unknown, t: Translator, values: Record<string, string> = {}): FormState {
  const error = asExpectedError(thrown);
  if (!isAppError(error)) {
    unstable_rethrow(error);
    console.error(`[action] failed: ${describeError(error)}`);
    throw new Error("Unexpected error (logged)");
  }
  const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([field, keys]) => [field, keys.map((k) => t(k, error.params))]));
  const slug = error.params?.suggestedService;
  const suggestion = typeof slug === "string" ? { href: `/services/${slug}`, label: String(error.params?.suggestedServiceName ?? slug) } : undefined;
  const current = error.code === "invalid_transition" ? error.params?.status : undefined;
  const why = isBookingStatus(current) ? ` ${t("queue.transition.currentStatus", { status: t(STATUS_LABEL[current]) })}` : "";
  return { status: "error", code: error.code, message: t(error.messageKey, error.params) + why, fields, values, ...(suggestion ? { suggestion } : {}) };
}
