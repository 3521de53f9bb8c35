import { RETRY_AFTER_SECONDS } from "./db-status";
import type { MessageKey } from "./i18n/messages";

/** Expected failures: shown to the person, never logged as faults. Anything else is a bug and goes to error.tsx. */
export type AppErrorCode =
  | "validation"
  | "full"
  | "not_full"
  | "duplicate"
  | "closed"
  | "phone_limit"
  | "not_found"
  | "invalid_transition"
  | "rate_limited"
  | "unauthorized"
  | "forbidden"
  | "locked"
  | "unavailable"
  | "below_booked"
  | "challenge";

const STATUS: Record<AppErrorCode, number> = {
  validation: 422,
  full: 409,
  not_full: 409,
  duplicate: 409,
  closed: 409,
  phone_limit: 409,
  not_found: 404,
  invalid_transition: 409,
  rate_limited: 429,
  unauthorized: 401,
  forbidden: 403,
  locked: 429,
  challenge: 403,
  unavailable: 503,
  below_booked: 409,
};

/** Field name → message keys, as the form and the API show them. */
export type FieldErrors = Record<string, MessageKey[]>;

// A literal, not lib/env.ts: client components import this module too, and the bundler inlines it.
const WITHOUT_STACK = process.env.NODE_ENV === "production";

/**
 * An expected answer — "full", "duplicate", a validation error — thrown to the route or action that turns
 * it into a message and a status. In production it carries no stack: it is never logged as a failure
 * (errorResponse and the form state log only other errors), and capturing the stack was the largest cost of
 * the app's own code in the refusal that answers nearly every request of the opening rush (a profile of
 * `full` answers). Development and tests keep it, for the one that escapes somewhere unexpected.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: MessageKey;
  readonly fields?: FieldErrors;
  readonly params?: Record<string, string | number>;

  constructor(
    code: AppErrorCode,
    messageKey: MessageKey,
    options: { fields?: FieldErrors; params?: Record<string, string | number> } = {},
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    if (WITHOUT_STACK) Error.stackTraceLimit = 0;
    super(`${code}: ${messageKey}`);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.fields = options.fields;
    this.params = options.params;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/** The one "there is no such thing (for you)" error: a wrong proof and an unknown id look the same. */
export function notFound(messageKey: MessageKey = "error.notFound"): AppError {
  return new AppError("not_found", messageKey);
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The SQLSTATE of a database error, looking through the wrappers drizzle puts around it. */
export function pgErrorCode(error: unknown): { code?: string; constraint?: string; detail?: string } {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; detail?: unknown; cause?: unknown };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      const constraint = typeof e.constraint_name === "string" ? e.constraint_name : typeof e.constraint === "string" ? e.constraint : undefined;
      return { code: e.code, constraint, detail: typeof e.detail === "string" ? e.detail : undefined };
    }
    current = e.cause;
  }
  return {};
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
  return withoutQuotedInput(at === -1 ? message : `${message.slice(0, at)}\nparams: [redacted]`);
}

/**
 * PostgreSQL quotes the value it could not read (`invalid input syntax for type uuid: "…"`, `invalid input
 * value for enum …: "…"`): that value came from a request and may be personal, so it is left out.
 */
function withoutQuotedInput(message: string): string {
  return message.replace(/(invalid input (?:syntax|value)[^:\n]*: )"[^\n]*"/g, "$1[redacted]");
}

const UNREACHABLE_CODES = new Set([
  // The socket (node) and postgres.js's own connection errors.
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED",
  // PostgreSQL shutting down, starting up or out of connections.
  "57P01", "57P02", "57P03", "53300",
]);

/**
 * Why the database could not serve a request, looking through drizzle's wrappers: `unreachable` (down,
 * restarting, refusing connections), `timeout` (a statement ran past the pool's statement timeout), or
 * null for every other failure. Both answer 503 with Retry-After; only `unreachable` marks the database down.
 */
export function databaseFailure(error: unknown): "unreachable" | "timeout" | null {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (UNREACHABLE_CODES.has(code) || code.startsWith("08")) return "unreachable";
      if (code === "57014") return "timeout";
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** The expected face of a database outage: 503 `unavailable`, in the reader's language. */
export function unavailableError(): AppError {
  return new AppError("unavailable", "error.unavailable", { params: { retryAfter: RETRY_AFTER_SECONDS } });
}
