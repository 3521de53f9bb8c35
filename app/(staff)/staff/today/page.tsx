import type { Metadata } from "next";
import { CancelForm } from "@/components/queue/cancel-form";
import { EntryTable } from "@/components/queue/entry-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDayOverview } from "@/lib/dal/queue/overview";
import { formatDate } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { BOOKING_STATUSES } from "@/lib/queue-transitions";
import { STATUS_LABEL } from "@/lib/queue-labels";
import { DayOverviewQuerySchema } from "@/lib/validation/queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.today") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The day at a glance: counts per status, then every booking by session and status; a GET search box. */
export default async function TodayPage({ searchParams }: Props) {
  const actor = await requireStaffPage("day.view");
  const [t, params] = await Promise.all([getTranslator(), searchParams]);
  const query = DayOverviewQuerySchema.parse(params);
  const day = await getDayOverview(actor, query, { locale: t.locale });
  const canCancel = can(actor, "booking.override");

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("today.title", { date: formatDate(day.date, t.locale) })}</h1>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={t("today.searchLabel")}>
          <div className="min-w-64 flex-1">
            <Field label={t("today.search")} name="q" type="search" defaultValue={day.query ?? ""} hint={t("today.searchHint")} autoComplete="off" />
          </div>
          <Field label={t("today.date")} name="date" type="date" defaultValue={day.date} />
          <Button type="submit">{t("today.searchSubmit")}</Button>
        </form>
      </Card>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="text-xl font-bold">{t("today.counts", { total: day.total })}</h2>
        <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {BOOKING_STATUSES.map((status) => (
            <div key={status} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-sm text-muted">{t(STATUS_LABEL[status])}</dt>
              <dd className="text-2xl font-bold">{day.counts[status]}</dd>
            </div>
          ))}
        </dl>
      </section>

      {day.query ? <p role="status">{t("today.matches", { count: day.matches, query: day.query })}</p> : null}
      {day.sessions.length === 0 ? <p>{t("today.empty")}</p> : null}
      {day.sessions.map((session) => (
        <section key={session.start} aria-labelledby={`session-${session.start}`} className="space-y-2">
          <h2 id={`session-${session.start}`} className="text-xl font-bold">
            {t("today.session", { label: session.label })}
          </h2>
          {session.groups.map((group) => (
            <EntryTable
              key={group.status}
              caption={`${t(STATUS_LABEL[group.status])} (${group.entries.length})`}
              entries={group.entries}
              timezone={day.timezone}
              t={t}
              actions={
                canCancel && group.status === "booked"
                  ? (entry) => <CancelForm reference={entry.reference} queueNumber={entry.queueNumber} />
                  : undefined
              }
            />
          ))}
        </section>
      ))}
    </div>
  );
}
