/** Only same-site paths: never an open redirect. */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  return typeof value === "string" && /^\/(?![\/\\])/.test(value) ? value : fallback;
}
