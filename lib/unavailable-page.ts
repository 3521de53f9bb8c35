import { RETRY_AFTER_SECONDS } from "./db-status";

/**
 * What a page request gets while the database is unreachable: 503 with Retry-After and a small bilingual
 * page that reloads itself, answered by the proxy before anything waits on the database. Plain HTML
 * (no app shell: that would need the database too), an inline style allowed by its own CSP.
 */
const HTML = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}"><meta name="robots" content="noindex">
<title>Layanan sedang tidak tersedia · Antrean</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2937}
h1{font-size:1.5rem}.en{color:#4b5563}a{display:inline-block;min-height:3rem;line-height:3rem;font-weight:600}</style></head>
<body><main role="alert">
<h1>Layanan sedang tidak tersedia sebentar</h1>
<p>Maaf, sistem belum bisa memproses permintaan Anda. Halaman ini akan dimuat ulang otomatis; silakan coba lagi dalam beberapa detik.</p>
<p class="en" lang="en">The service is briefly unavailable. This page reloads by itself; please try again in a few seconds.</p>
<p><a href="">Coba lagi / Try again</a></p>
</main></body></html>
`;

export function unavailablePageResponse(method: string): Response {
  return new Response(method === "HEAD" ? null : HTML, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}

export function crossOriginResponse(): Response {
  return new Response("Permintaan ditolak: asal (Origin) tidak sesuai.\nRequest refused: foreign Origin.\n", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
