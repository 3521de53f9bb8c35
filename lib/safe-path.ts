/**
 * Only same-site paths: never an open redirect. Control characters are refused too, because browsers
 * drop tabs and new lines from a URL before parsing it, which turns `/\t/evil.com` into `//evil.com`.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  return typeof value === "string" && /^\/(?![\/\\])[^\x00-\x1f\x7f]*$/.test(value) ? value : fallback;
}
