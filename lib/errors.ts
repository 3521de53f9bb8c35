import type { MessageKey } from "./i18n/messages";

/** Expected failures: shown to the person, never logged as faults. Anything else is a bug and goes to error.tsx. */
export type AppErrorCode =
  | "validation"
  | "full"
  | "duplicate"
  | "closed"
  | "phone_limit"
  | "not_found"
  | "invalid_transition"
  | "rate_limited"
  | "unauthorized"
  | "forbidden"
  | "locked";

const STATUS: Record<AppErrorCode, number> = {
  validation: 422,
  full: 409,
  duplicate: 409,
  closed: 409,
  phone_limit: 409,
  not_found: 404,
  invalid_transition: 409,
  rate_limited: 429,
  unauthorized: 401,
  forbidden: 403,
  locked: 429,
};

/** Field name → message keys, as the form and the API show them. */
export type FieldErrors = Record<string, MessageKey[]>;

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
    super(`${code}: ${messageKey}`);
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
  return at === -1 ? message : `${message.slice(0, at)}\nparams: [redacted]`;
}
