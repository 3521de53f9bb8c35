import { isAppError } from "../errors";
import type { Translator } from "../i18n/translate";

/** What a form shows after a failed submit: the message, each field's errors, and what was typed. */
export type FormState = {
  status: "idle" | "error";
  code?: string;
  message?: string;
  fields?: Record<string, string[]>;
  values?: Record<string, string>;
};

export const IDLE: FormState = { status: "idle" };

/** Expected errors become form state in the reader's language; anything else is rethrown to error.tsx. */
export function toFormState(error: unknown, t: Translator, values: Record<string, string>): FormState {
  if (!isAppError(error)) throw error;
  const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([field, keys]) => [field, keys.map((k) => t(k, error.params))]));
  return { status: "error", code: error.code, message: t(error.messageKey, error.params), fields, values };
}
