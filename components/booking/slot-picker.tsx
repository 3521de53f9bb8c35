import { buttonClass } from "@/components/ui/button-base";
import { nextDateWithRoom } from "@/lib/availability";
import type { DayAvailability } from "@/lib/dal/availability";
import { formatDate } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translate";
import { DayTabs } from "./day-tabs";

type Props = {
  days: DayAvailability[];
  t: Translator;
  /** The link for a date tab: the same page with `?date=`. */
  hrefFor: (date: string) => string;
  /** The date asked for in the URL, if any. */
  date?: string;
  /** The slot to preselect (`DATE_HH:MM`), e.g. the booking being moved. */
  selected?: string;
  error?: string;
  /** The standby list page of a full date (issue 9), when the picker is used for a new booking. */
  standbyHrefFor?: (date: string) => string;
};

/** The date shown: the one asked for, else the preselected slot's, else the first with room, else the first. */
function chooseDate(days: DayAvailability[], date?: string, selected?: string): string | undefined {
  const known = (d?: string) => (d && days.some((day) => day.date === d) ? d : undefined);
  return (
    known(date) ??
    known(selected?.slice(0, 10)) ??
    days.find((d) => d.open && d.sessions.some((s) => s.remaining > 0))?.date ??
    days[0]?.date
  );
}

const hasRoom = (day: DayAvailability | undefined): boolean => Boolean(day?.open && day.sessions.some((s) => s.remaining > 0));

/**
 * Can the date the picker shows be booked (a session with a place left)? The form around the picker offers
 * its send button only then: on a closed or full date the picker offers the next date with room instead.
 */
export function canBookShownDate(days: DayAvailability[], date?: string, selected?: string): boolean {
  const chosen = chooseDate(days, date, selected);
  return hasRoom(days.find((d) => d.date === chosen));
}

/**
 * A phone-sized date choice: a grid of day tabs, then only the chosen day's sessions as radio buttons (the
 * label is the touch target), so the form's button stays close. Used inside a form: a GET form to the details
 * step when booking, a POST form when rescheduling. Works without JavaScript.
 */
export function SlotPicker({ days, t, hrefFor, date, selected, error, standbyHrefFor }: Props) {
  const chosen = chooseDate(days, date, selected);
  const day = days.find((d) => d.date === chosen);
  const dateText = day ? formatDate(day.date, t.locale) : "";
  // A closed or full date points on to the next later date with room (never an earlier one, already passed over).
  const next = day && !hasRoom(day) ? nextDateWithRoom(days, day.date) : null;
  const nextLink = next ? (
    <a href={hrefFor(next)} className={buttonClass("primary", "mt-3 w-full sm:w-auto")}>
      {t("slots.goToNext", { date: formatDate(next, t.locale) })}
    </a>
  ) : day && !hasRoom(day) ? (
    <p className="mt-1">{t("slots.noLaterDate")}</p>
  ) : null;
  return (
    <fieldset aria-describedby={error ? "slot-error" : undefined} className="min-w-0 space-y-4">
      <legend className="sr-only">{t("slots.choose")}</legend>
      {error ? (
        <p id="slot-error" role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      {day ? <DayTabs days={days} chosen={day.date} hrefFor={hrefFor} t={t} /> : null}
      {day ? (
        <section aria-labelledby="chosen-day" className="rounded-xl border border-slate-200 bg-white p-3 sm:p-4">
          <h2 id="chosen-day" className="text-lg font-bold">
            {dateText}
          </h2>
          {day.note ? <p className="text-sm font-semibold text-brand-700">{day.note}</p> : null}
          {day.outage && day.open ? <p className="text-sm font-semibold text-amber-900">{day.outage}</p> : null}
          {!day.open ? (
            <>
              <p className="mt-1 text-muted">{day.reason}</p>
              {nextLink}
            </>
          ) : (
            <>
              {day.reasonCode === "full" ? <p className="mt-1">{t("slots.dayFull")}</p> : null}
              {nextLink}
              {day.reasonCode === "full" && standbyHrefFor ? (
                <div className="mt-2 space-y-2 rounded-lg bg-slate-50 p-3">
                  <p>{t("standby.join.offer")}</p>
                  <a href={standbyHrefFor(day.date)} className="inline-flex min-h-12 items-center font-semibold">
                    {t("standby.join.link", { date: dateText })}
                  </a>
                </div>
              ) : null}
              <div role="group" aria-label={t("slots.sessionGroup", { date: dateText })} className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
                {day.sessions.map((s) => {
                  const value = `${day.date}_${s.start}`;
                  const full = s.remaining === 0;
                  return (
                    <label
                      key={value}
                      className={`flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 px-2 py-1.5 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 ${full ? "cursor-not-allowed border-slate-200 bg-slate-100 text-muted" : "border-slate-300"}`}
                    >
                      <input type="radio" name="slot" value={value} disabled={full} defaultChecked={selected === value} required className="size-5 shrink-0 accent-brand-600" />
                      <span className="flex min-w-0 flex-col leading-tight">
                        <span className="font-semibold tabular-nums">{s.label}</span>
                        <span className="text-sm">{s.reason ? t("slots.closed", { reason: s.reason }) : full ? t("slots.full") : t("slots.remaining", { count: s.remaining })}</span>
                      </span>
                    </label>
                  );
                })}
              </div>
            </>
          )}
        </section>
      ) : null}
    </fieldset>
  );
}
