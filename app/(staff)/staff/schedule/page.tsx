import type { Metadata } from "next";
import Link from "next/link";
import { MonthCalendar } from "@/components/schedule/month-calendar";
import { ScheduleChangeForm } from "@/components/schedule/schedule-change-form";
import { ScheduleForm, type FieldSpec } from "@/components/schedule/schedule-form";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireStaffPage } from "@/lib/auth/session";
import { addDays } from "@/lib/dates";
import { getScheduleMonth } from "@/lib/dal/schedule-calendar";
import { getTranslator } from "@/lib/i18n/server";
import { sessionLabel } from "@/lib/schedule";
import { MonthSchema } from "@/lib/validation/schedule";
import { intlLocale } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.schedule") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
};

/**
 * The office's schedule in one place: the month calendar (closures with their reason, special days, own
 * capacities, bookings), then the changes. Admins change everything; supervisors close today's sessions.
 */
export default async function SchedulePage({ searchParams }: Props) {
  const actor = await requireStaffPage("schedule.close_session");
  const query = await searchParams;
  const t = await getTranslator();
  const asked = MonthSchema.safeParse(query.month);
  const month = await getScheduleMonth(actor, { month: asked.success ? asked.data : undefined });
  const monthName = new Intl.DateTimeFormat(intlLocale(t.locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month.month}-01T00:00:00Z`));
  const starts = [...new Set(month.template.map((s) => s.start))].sort();
  const sessionOptions = [{ value: "", label: t("schedule.field.sessionAll") }, ...starts.map((s) => ({ value: s, label: s.replace(":", ".") }))];
  const todaySessions = month.weeks.flat().find((d) => d.date === month.today)?.sessions ?? [];
  /** Today's open sessions (to close) or closed ones (to reopen), for a supervisor. */
  const todayOptions = (closed: boolean) => todaySessions.filter((s) => Boolean(s.closed) === closed).map((s) => ({ value: s.start, label: sessionLabel(s.start, s.end) }));
  const tomorrow = addDays(month.today, 1);
  const weekdayName = (d: number) => t(`schedule.weekday.${d}` as "schedule.weekday.1");

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("schedule.title")}</h1>
      <p>{t("schedule.intro")}</p>
      {!month.canManage ? <p className="font-semibold">{t("schedule.supervisorNote")}</p> : null}

      <Card className="space-y-3">
        <h2 className="text-xl font-bold">{t("schedule.month", { month: monthName })}</h2>
        <nav aria-label={t("schedule.month", { month: monthName })} className="flex gap-4">
          <Link href={`/staff/schedule?month=${shiftMonth(month.month, -1)}`} className="min-h-12 py-3 font-semibold">
            ← {t("schedule.prevMonth")}
          </Link>
          <Link href={`/staff/schedule?month=${shiftMonth(month.month, 1)}`} className="min-h-12 py-3 font-semibold">
            {t("schedule.nextMonth")} →
          </Link>
        </nav>
        <p className="text-sm">{t("schedule.legend")}</p>
        <MonthCalendar month={month} t={t} label={t("schedule.calendar", { month: monthName })} />
      </Card>

      {!month.canManage ? (
        <Card className="grid gap-6 md:grid-cols-2">
          <ScheduleChangeForm id="close-today" op="close" t={t} title={t("schedule.closeToday.title")} submit={t("schedule.close.submit")} danger date={month.today} fixedDate sessions={todayOptions(false)} withReason />
          <ScheduleChangeForm id="reopen-today" op="reopen" t={t} title={t("schedule.reopen.title")} submit={t("schedule.reopen.submit")} date={month.today} fixedDate sessions={todayOptions(true)} />
        </Card>
      ) : (
        <>
          <Card className="grid gap-6 md:grid-cols-2">
            <ScheduleChangeForm id="close" op="close" t={t} title={t("schedule.close.title")} submit={t("schedule.close.submit")} danger date={tomorrow} sessions={sessionOptions} withReason />
            <ScheduleChangeForm id="reopen" op="reopen" t={t} title={t("schedule.reopen.title")} submit={t("schedule.reopen.submit")} date={tomorrow} sessions={sessionOptions} />
            <ScheduleChangeForm id="capacity" op="capacity" t={t} title={t("schedule.capacity.title")} submit={t("schedule.capacity.submit")} date={tomorrow} sessions={sessionOptions} amount="capacity" />
            <ScheduleChangeForm id="reset" op="reset" t={t} title={t("schedule.reset.title")} submit={t("schedule.reset.submit")} date={tomorrow} sessions={sessionOptions} />
            <ScheduleChangeForm id="open-day" op="open_day" t={t} title={t("schedule.open.title")} submit={t("schedule.open.submit")} date="" amount="dailyCap" withReason />
            <ScheduleForm
              id="import"
              op="import"
              title={t("schedule.import.title")}
              submit={t("schedule.import.submit")}
              fields={[{ name: "lines", label: t("schedule.field.lines"), type: "textarea" }]}
            />
          </Card>

          <Card className="space-y-4">
            <h2 className="text-xl font-bold">{t("schedule.weekly.title")}</h2>
            <p>{t("schedule.weekly.intro")}</p>
            <DataTable
              caption={t("schedule.weekly.title")}
              className="text-sm"
              alignTop
              rows={[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, sessions: month.template.filter((s) => s.weekday === weekday) }))}
              rowKey={({ weekday }) => String(weekday)}
              columns={[
                { header: t("schedule.field.weekday"), rowHeader: true, cell: ({ weekday }) => weekdayName(weekday) },
                {
                  header: t("schedule.weekly.title"),
                  className: "space-y-2",
                  cell: ({ weekday, sessions }) => (
                    <>
                      {sessions.length === 0 ? <p>{t("schedule.weekly.none")}</p> : null}
                      {sessions.map((s) => {
                        const label = sessionLabel(s.start, s.end);
                        const ref: FieldSpec[] = [
                          { name: "weekday", label: "", type: "hidden", value: String(weekday) },
                          { name: "startsAt", label: "", type: "hidden", value: s.start },
                        ];
                        return (
                          <div key={s.start} className="flex flex-wrap items-end gap-3">
                            <span className="min-w-24 py-3 font-semibold tabular-nums">{label}</span>
                            <ScheduleForm
                              id={`weekly-${weekday}-${s.start.replace(":", "")}`}
                              op="weekly_update"
                              inline
                                              submit={t("schedule.weekly.save")}
                              fields={[...ref, { name: "capacity", label: t("schedule.weekly.capacityLabel", { day: weekdayName(weekday), label }), type: "number", value: String(s.capacity) }]}
                            />
                            <ScheduleForm id={`weekly-remove-${weekday}-${s.start.replace(":", "")}`} op="weekly_remove" inline danger submit={t("schedule.weekly.removeLabel", { day: weekdayName(weekday), label })} fields={ref} />
                          </div>
                        );
                      })}
                    </>
                  ),
                },
              ]}
            />
            <ScheduleForm
              id="weekly-add"
              op="weekly_add"
              title={t("schedule.weekly.add")}
              submit={t("schedule.weekly.add")}
              fields={[
                { name: "weekday", label: t("schedule.field.weekday"), type: "select", options: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(d) })) },
                { name: "startsAt", label: t("schedule.field.startsAt"), type: "time", required: true },
                { name: "endsAt", label: t("schedule.field.endsAt"), type: "time", required: true },
                { name: "capacity", label: t("schedule.field.capacityLabel"), type: "number", required: true },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
