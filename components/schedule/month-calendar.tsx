import type { CalendarDay, ScheduleMonth } from "@/lib/dal/schedule-calendar";
import type { Translator } from "@/lib/i18n/translate";
import { sessionLabel } from "@/lib/schedule";

const noteText = (note: { id: string; en: string | null } | null, t: Translator) => (note ? (t.locale === "en" && note.en ? note.en : note.id) : "");

/**
 * The month at a glance, server-rendered: a table with a heading per weekday; every state is written
 * out in words (TUTUP + reason, KHUSUS, booked/capacity, * for an own capacity), colour only repeats it.
 */
export function MonthCalendar({ month, t, label }: { month: ScheduleMonth; t: Translator; label: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[56rem] table-fixed border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">{label}</caption>
        <thead>
          <tr>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <th key={d} scope="col" className="border border-slate-300 bg-slate-100 p-2 text-left">
                {t(`schedule.weekday.${d}` as "schedule.weekday.1")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {month.weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((day) => (
                <DayCell key={day.date} day={day} t={t} isToday={day.date === month.today} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DayCell({ day, t, isToday }: { day: CalendarDay; t: Translator; isToday: boolean }) {
  const tone = day.kind === "closed" ? "bg-red-50" : day.kind === "open_day" ? "bg-brand-50" : day.kind === "not_a_service_day" ? "bg-slate-50" : "bg-white";
  return (
    <td data-date={day.date} className={`border border-slate-300 p-2 align-top ${tone} ${day.inMonth ? "" : "opacity-60"} ${isToday ? "outline outline-2 outline-brand-600" : ""}`}>
      <p className="font-bold">
        <time dateTime={day.date}>{Number(day.date.slice(8))}</time>
        {isToday ? <span className="ml-1 font-normal">({t("schedule.today")})</span> : null}
      </p>
      {day.kind === "closed" ? (
        <p className="font-semibold text-red-800">
          {t("schedule.closed")}
          {day.note ? `: ${noteText(day.note, t)}` : ""}
        </p>
      ) : null}
      {day.kind === "not_a_service_day" ? <p className="text-muted">{t("schedule.noService")}</p> : null}
      {day.kind === "open_day" ? (
        <p className="font-semibold text-brand-700">
          {t("schedule.openDay")}: {noteText(day.note, t)}
        </p>
      ) : null}
      {day.open ? (
        <>
          <p>
            {t("schedule.dayCap", { booked: day.booked, cap: day.dayCap ?? 0 })}
            {day.ownCap ? ` ${t("schedule.ownCap")}` : ""}
          </p>
          <ul className="mt-1 space-y-0.5">
            {day.sessions.map((s) => {
              const label = sessionLabel(s.start, s.end);
              return (
                <li key={s.start} className={s.closed ? "font-semibold text-red-800" : ""}>
                  {s.closed
                    ? t("schedule.sessionClosed", { label, reason: noteText(s.closed, t) })
                    : `${t("schedule.sessionLine", { label, booked: s.booked, capacity: s.capacity })}${s.capacity !== s.templateCapacity ? ` ${t("schedule.ownCap")}` : ""}`}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </td>
  );
}
