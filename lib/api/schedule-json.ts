import type { ScheduleChangeResult } from "../dal/schedule-changes";

/** A schedule change as the admin API answers it: which bookings it cancelled (and notified) or kept, by reference. */
export function toApiScheduleChange(result: ScheduleChangeResult, extra: Record<string, unknown>) {
  return {
    office: result.office,
    date: result.date,
    session: result.session,
    ...extra,
    cancelled: result.cancelled.map((b) => b.reference),
    kept: result.kept.map((b) => b.reference),
  };
}
