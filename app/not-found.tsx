import Link from "next/link";

/** Paths outside every section: a plain bilingual page. */
export default function RootNotFound() {
  return (
    <main className="mx-auto max-w-3xl space-y-3 px-4 py-10">
      <h1 className="text-2xl font-bold">Halaman tidak ditemukan</h1>
      <p lang="en">Page not found.</p>
      <Link href="/">Beranda / Home</Link>
    </main>
  );
}
