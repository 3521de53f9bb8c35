import type { DayAvailability } from "@/lib/dal/availability";
import { formatDate } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translate";

/**
 * Dates with their sessions as radio buttons (the label is the touch target). Used inside a form: a GET
 * form to the details step when booking, a POST form when rescheduling. Works without JavaScript.
 */
export function SlotPicker({ days, t, selected, error }: { days: DayAvailability[]; t: Translator; selected?: string; error?: string }) {
  const nextDate = days.find((d) => d.sessions.some((s) => s.remaining > 0))?.date;
  return (
    <fieldset aria-describedby={error ? "slot-error" : undefined} className="space-y-4">
      <legend className="sr-only">{t("slots.choose")}</legend>
      {error ? (
        <p id="slot-error" role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      {days.map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`} className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id={`day-${day.date}`} className="text-lg font-bold">
            {formatDate(day.date, t.locale)}
          </h2>
          {day.note ? <p className="text-sm font-semibold text-brand-700">{day.note}</p> : null}
          {!day.open ? (
            <p className="mt-1 text-muted">{day.reason}</p>
          ) : (
            <>
              {day.reasonCode === "full" ? (
                <p className="mt-1 text-muted">
                  {t("slots.dayFull")} {nextDate ? t("slots.nextAvailable", { date: formatDate(nextDate, t.locale) }) : null}
                </p>
              ) : null}
              <div role="group" aria-label={t("slots.sessionGroup", { date: formatDate(day.date, t.locale) })} className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
                {day.sessions.map((s) => {
                  const value = `${day.date}_${s.start}`;
                  const full = s.remaining === 0;
                  return (
                    <label
                      key={value}
                      className={`flex min-h-14 cursor-pointer items-center gap-2 rounded-lg border-2 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 ${full ? "cursor-not-allowed border-slate-200 bg-slate-100 text-muted" : "border-slate-300"}`}
                    >
                      <input type="radio" name="slot" value={value} disabled={full} defaultChecked={selected === value} required className="size-5 accent-brand-600" />
                      <span className="flex flex-col leading-tight">
                        <span className="font-semibold">{s.label}</span>
                        <span className="text-sm">{full ? t("slots.full") : t("slots.remaining", { count: s.remaining })}</span>
                      </span>
                    </label>
                  );
                })}
              </div>
            </>
          )}
        </section>
      ))}
    </fieldset>
  );
}
