import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/booking/print-button";
import { DataTable } from "@/components/reports/data-table";
import { requireStaffPage } from "@/lib/auth/session";
import { isIsoDate } from "@/lib/dates";
import { getCounterManifest, type ManifestRow } from "@/lib/dal/reports/manifest";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { CHANNEL_LABEL, STATUS_LABEL } from "@/lib/queue-labels";
import { intlLocale } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.manifest"), robots: { index: false, follow: false } };
}

type Props = { searchParams: Promise<{ date?: string; counter?: string }> };

/** A4, one counter's day: the paper record the supervisor signs. */
export default async function ManifestPage({ searchParams }: Props) {
  const actor = await requireStaffPage("reports.view");
  const [params, t] = await Promise.all([searchParams, getTranslator()]);
  const date = params.date && isIsoDate(params.date) ? params.date : undefined;
  const counterNumber = Number(params.counter ?? "1");
  if (!Number.isInteger(counterNumber) || counterNumber < 1 || counterNumber > 999) notFound();
  const manifest = await getCounterManifest(actor, { date, counterNumber }, { locale: t.locale }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString(intlLocale(t.locale), { timeZone: manifest.timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }) : null);
  const title = t("report.manifestTitle", { counter: manifest.counter.name });
  return (
    <main className="mx-auto max-w-[190mm] bg-white p-4 text-sm text-ink">
      <style>{"@page { size: A4; margin: 12mm; }"}</style>
      <div className="no-print mb-4 flex flex-wrap items-end gap-3">
        <PrintButton label={t("report.print")} />
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col">
            {t("report.date")}
            <input type="date" name="date" defaultValue={manifest.date} className="min-h-12 rounded border-2 border-slate-400 px-2" />
          </label>
          <label className="flex flex-col">
            {t("report.counter")}
            <select name="counter" defaultValue={String(counterNumber)} className="min-h-12 rounded border-2 border-slate-400 px-2">
              {manifest.counters.map((c) => (
                <option key={c.number} value={c.number}>{c.name}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="min-h-12 rounded bg-slate-800 px-4 text-white">{t("report.show")}</button>
        </form>
      </div>
      <h1 className="text-xl font-bold">{title}</h1>
      <p>{formatDate(manifest.date, t.locale)}</p>
      <div className="mt-3">
        <DataTable<ManifestRow>
          caption={title}
          empty={t("report.noData")}
          rows={manifest.rows}
          columns={[
            { key: "number", label: t("report.queueNumber"), value: (r) => r.queueNumber },
            { key: "service", label: t("report.service"), value: (r) => r.service },
            { key: "channel", label: t("report.channel"), value: (r) => t(CHANNEL_LABEL[r.channel]) },
            { key: "nik", label: "NIK", value: (r) => r.nikMasked },
            { key: "checkIn", label: t("report.checkedIn"), value: (r) => time(r.checkedInAt) },
            { key: "call", label: t("report.time"), value: (r) => time(r.firstCallAt) },
            { key: "finish", label: t("report.served"), value: (r) => time(r.finishedAt) },
            { key: "status", label: t("report.status"), value: (r) => t(STATUS_LABEL[r.status]) },
          ]}
        />
      </div>
    </main>
  );
}
