import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/session";
import { listCounters } from "@/lib/dal/queue/counters";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.counter") };
}

/** Where will I work today? One large link per counter, with the services it serves. */
export default async function CountersPage() {
  const actor = await requireStaffPage("queue.operate");
  const t = await getTranslator();
  const counters = await listCounters(actor, { locale: t.locale });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("counter.chooseTitle")}</h1>
      {counters.length === 0 ? <p>{t("counter.none")}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {counters.map((c) => (
          <li key={c.number}>
            {c.isActive ? (
              <Link href={`/staff/counter/${c.number}`} className="block min-h-24 rounded-xl border-2 border-brand-600 bg-white p-4 no-underline hover:bg-brand-50">
                <span className="block text-2xl font-bold">{c.name}</span>
                <span className="block text-sm text-muted">{c.services.map((s) => s.name).join(", ")}</span>
              </Link>
            ) : (
              <div className="min-h-24 rounded-xl border-2 border-slate-300 bg-slate-100 p-4 text-muted">
                <span className="block text-2xl font-bold">{c.name}</span>
                <span className="block text-sm">{t("counter.inactive")}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
