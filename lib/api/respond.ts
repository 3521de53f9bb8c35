import { isAppError, pgErrorCode, type FieldErrors } from "../errors";
import type { Params, Translator } from "../i18n/translate";

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

export const NO_STORE = "no-store";

function translateFields(fields: FieldErrors, t: Translator, params?: Params): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([field, keys]) => [field, keys.map((key) => t(key, params))]));
}

/**
 * The response for a failure: expected errors in the reader's language with their status; anything else
 * a generic 500, logged without the request (which may hold a NIK).
 */
export function errorResponse(error: unknown, t: Translator, where: string): Response {
  const headers = new Headers({ "Cache-Control": NO_STORE });
  if (isAppError(error)) {
    const body: ApiErrorBody = { error: { code: error.code, message: t(error.messageKey, error.params) } };
    if (error.code === "validation" || error.fields) body.error.fields = translateFields(error.fields ?? {}, t, error.params);
    const retryAfter = error.params?.retryAfter;
    if (error.code === "rate_limited" && typeof retryAfter === "number") headers.set("Retry-After", String(retryAfter));
    return Response.json(body, { status: error.status, headers });
  }
  console.error(`[api] ${where} failed: ${describeError(error)}`);
  const body: ApiErrorBody = { error: { code: "unexpected", message: t("error.unexpected") } };
  return Response.json(body, { status: 500, headers });
}

/**
 * Name, message and cause chain of an error, with what could be personal data cut out: drizzle appends a
 * failed query's parameters to its message, and a NIK is 16 digits.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    parts.push(current instanceof Error ? `${current.name}: ${withoutParams(current.message)}` : "non-error value thrown");
    current = current instanceof Error ? current.cause : undefined;
  }
  const { code } = pgErrorCode(error);
  const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 8) : [];
  return [parts.join(" <- "), code ? `sqlstate ${code}` : "", ...frames].filter(Boolean).join("\n").replace(/\d{16,}/g, "[redacted]");
}

function withoutParams(message: string): string {
  const at = message.indexOf("\nparams:");
  return at === -1 ? message : `${message.slice(0, at)}\nparams: [redacted]`;
}
