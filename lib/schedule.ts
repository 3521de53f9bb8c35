import { isoWeekday, normalizeTime } from "./dates";

export type TemplateSession = { weekday: number; startsAt: string; endsAt: string; capacity: number };
/** `isHoliday: false` marks a closure that is not a holiday (absent: a holiday, as every closure once was). */
export type DateOverrideInput = { kind: "closed" | "open"; reason: string; reasonEn: string | null; dailyCap: number | null; isHoliday?: boolean };
export type Note = { id: string; en: string | null };
/** `closed`: the session is closed on that date (capacity 0) with a public reason. */
export type PlannedSession = { start: string; end: string; capacity: number; closed?: Note };

export type DayPlan =
  | { date: string; open: false; closedReason: "holiday" | "closure" | "not_a_service_day" | "outage"; note: { id: string; en: string | null } | null }
  | { date: string; open: true; dayCap: number; sessions: PlannedSession[]; note: { id: string; en: string | null } | null };

export type PlanInputs = {
  openWeekdays: number[];
  dailyCap: number;
  template: TemplateSession[];
  override?: DateOverrideInput;
  /** Per-date session capacities, keyed by `HH:MM` start. */
  sessionCapacities?: ReadonlyMap<string, number>;
  /** Per-date session closures' public reasons, keyed by `HH:MM` start. */
  sessionClosures?: ReadonlyMap<string, Note>;
};

/**
 * What a date offers, from the weekly template and that date's overrides: closed days (holidays, days
 * outside the office's week), or the sessions with their capacities and the day's cap.
 */
export function planDay(date: string, inputs: PlanInputs): DayPlan {
  const { override } = inputs;
  const note = override ? { id: override.reason, en: override.reasonEn } : null;
  if (override?.kind === "closed") return { date, open: false, closedReason: override.isHoliday === false ? "closure" : "holiday", note };
  const weekday = isoWeekday(date);
  const sessions = inputs.template
    .filter((s) => s.weekday === weekday)
    .map((s) => {
      const start = normalizeTime(s.startsAt);
      const closed = inputs.sessionClosures?.get(start);
      const session: PlannedSession = { start, end: normalizeTime(s.endsAt), capacity: closed ? 0 : (inputs.sessionCapacities?.get(start) ?? s.capacity) };
      return closed ? { ...session, closed } : session;
    })
    .sort((a, b) => a.start.localeCompare(b.start));
  const isServiceDay = override?.kind === "open" || inputs.openWeekdays.includes(weekday);
  if (!isServiceDay || sessions.length === 0) return { date, open: false, closedReason: "not_a_service_day", note: null };
  return { date, open: true, dayCap: override?.dailyCap ?? inputs.dailyCap, sessions, note };
}

/** `08:00`–`09:00` → `08.00–09.00`, as Indonesian timetables write it. */
export function sessionLabel(start: string, end: string): string {
  return `${start.replace(":", ".")}–${end.replace(":", ".")}`;
}
