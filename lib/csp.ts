/**
 * The Content-Security-Policy of every page, around its script-src. No imports: next.config.ts (the
 * cached citizen pages' header, see lib/page-rewrites.ts) and proxy.ts (the per-request nonce pages) both
 * build it here, so the two stay one policy. `dev`: `next dev` needs eval for its refresh runtime.
 */
export function contentSecurityPolicy(scriptSrc: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptSrc}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The proof-of-work widget (altcha) solves in Web Workers it starts from blob: URLs.
    "worker-src 'self' blob:",
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The cached citizen pages are one HTML for everyone, so they cannot carry a per-request nonce. Their
 * inline scripts are Next's own (the page's data, `self.__next_f.push(...)`), which differ per page and per
 * deploy, so hashes cannot be listed ahead of time either: script-src allows inline scripts there, and
 * everything else stays strict — scripts only from this origin (no third party, no eval), no plugins,
 * no <base>, forms only to this site, never framed. Those pages render no visitor input into a script.
 */
export function staticPageCsp(dev: boolean): string {
  return contentSecurityPolicy("'unsafe-inline'", dev);
}
