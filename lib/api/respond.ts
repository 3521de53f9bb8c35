import { checkDatabaseSoon } from "../db-status";
import { databaseFailure, describeError, isAppError, unavailableError, type FieldErrors } from "../errors";
import type { Params, Translator } from "../i18n/translate";

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]>; suggestedService?: string; booked?: number } };

export const NO_STORE = "no-store";

function translateFields(fields: FieldErrors, t: Translator, params?: Params): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([field, keys]) => [field, keys.map((key) => t(key, params))]));
}

/**
 * The response for a failure: expected errors in the reader's language with their status; anything else
 * a generic 500, logged without the request (which may hold a NIK).
 */
export function errorResponse(thrown: unknown, t: Translator, where: string): Response {
  const headers = new Headers({ "Cache-Control": NO_STORE });
  const error = asExpectedError(thrown);
  if (isAppError(error)) {
    const body: ApiErrorBody = { error: { code: error.code, message: t(error.messageKey, error.params) } };
    if (error.code === "validation" || error.fields) body.error.fields = translateFields(error.fields ?? {}, t, error.params);
    // A person refused for their age is pointed to the service that fits (slug, for GET /services).
    if (typeof error.params?.suggestedService === "string") body.error.suggestedService = error.params.suggestedService;
    // A schedule change below what is booked says how many are booked (POST/PUT /api/v1/admin/…).
    if (error.code === "below_booked" && typeof error.params?.booked === "number") body.error.booked = error.params.booked;
    const retryAfter = error.params?.retryAfter;
    if ((error.code === "rate_limited" || error.code === "unavailable") && typeof retryAfter === "number") headers.set("Retry-After", String(retryAfter));
    return Response.json(body, { status: error.status, headers });
  }
  console.error(`[api] ${where} failed: ${describeError(error)}`);
  const body: ApiErrorBody = { error: { code: "unexpected", message: t("error.unexpected") } };
  return Response.json(body, { status: 500, headers });
}

/** A database outage is expected, not a bug: 503 `unavailable` (and the app checks whether the database is down). */
export function asExpectedError(error: unknown): unknown {
  const failure = databaseFailure(error);
  if (!failure) return error;
  if (failure === "unreachable") checkDatabaseSoon();
  return unavailableError();
}
