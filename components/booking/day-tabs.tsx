import type { DayAvailability } from "@/lib/dal/availability";
import { formatDate, formatDayTab } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translate";

/**
 * The bookable dates as a compact grid of links (four to a row on a phone), each saying whether it has
 * room. Choosing one reloads the page with `?date=`, so it works without JavaScript.
 */
export function DayTabs({ days, chosen, hrefFor, t }: { days: DayAvailability[]; chosen: string; hrefFor: (date: string) => string; t: Translator }) {
  return (
    <nav aria-label={t("slots.datesLabel")}>
      <ul className="grid grid-cols-4 gap-1.5 sm:grid-cols-7 sm:gap-2">
        {days.map((day) => {
          const { weekday, day: dayMonth } = formatDayTab(day.date, t.locale);
          const status = !day.open ? t("slots.dayClosed") : day.reasonCode === "full" ? t("slots.full") : t("slots.dayOpen");
          const isChosen = day.date === chosen;
          const bookable = day.open && day.reasonCode !== "full";
          return (
            <li key={day.date}>
              <a
                href={hrefFor(day.date)}
                aria-current={isChosen ? "date" : undefined}
                className={`flex min-h-14 flex-col items-center justify-center rounded-lg border-2 px-1 py-1 text-center leading-tight no-underline ${
                  isChosen ? "border-brand-600 bg-brand-600 text-white" : bookable ? "border-slate-300 bg-white text-ink" : "border-slate-200 bg-slate-100 text-muted"
                }`}
              >
                {/* Short on screen; the full date for screen readers (the link's name is its text). */}
                <span className="sr-only">{t("slots.dayTab", { date: formatDate(day.date, t.locale), status })}</span>
                <span aria-hidden="true" className="text-sm">
                  {weekday}
                </span>
                <span aria-hidden="true" className="whitespace-nowrap text-sm font-bold">
                  {dayMonth}
                </span>
                <span aria-hidden="true" className="text-xs">
                  {status}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
