"use client";

/**
 * The page for a failure the person cannot fix: bilingual, because the dictionary lives on the server
 * and the server may be what failed (the database away, say). Used by every error boundary.
 */
export function ErrorNotice({ reset }: { reset: () => void }) {
  return (
    <div className="space-y-4" role="alert">
      <h1 className="text-2xl font-bold">Terjadi kesalahan pada sistem</h1>
      <p>Maaf, permintaan Anda belum bisa diproses. Silakan coba lagi beberapa saat lagi.</p>
      <p lang="en" className="text-muted">
        Something went wrong on our side. Please try again shortly.
      </p>
      <button type="button" onClick={reset} className="min-h-12 rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white">
        Coba lagi / Try again
      </button>
    </div>
  );
}
