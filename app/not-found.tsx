import Link from "next/link";

/**
 * Paths outside every section: a plain bilingual page. The root layout passes through (see app/layout.tsx),
 * so this page brings its own <html>.
 */
export default function RootNotFound() {
  return (
    <html lang="id">
      <body className="min-h-dvh">
        <main className="mx-auto max-w-3xl space-y-3 px-4 py-10">
          <h1 className="text-2xl font-bold">Halaman tidak ditemukan</h1>
          <p lang="en">Page not found.</p>
          <Link href="/">Beranda / Home</Link>
        </main>
      </body>
    </html>
  );
}
