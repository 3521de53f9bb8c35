/**
 * The citizen's place in the queue and the wait to expect, as pure functions over a day's rows, so the
 * live page, the API and the backtest share one rule and the event stream computes many citizens' positions
 * from one read of the office's day.
 */

/** The public live status (GET /api/v1/queue/{reference}): queue numbers and counters only, never a person. */
export type QueueStatus = {
  status: "booked" | "checked_in" | "called" | "serving" | "done" | "cancelled" | "no_show" | "expired";
  queueNumber: string;
  counter?: number;
  ahead?: number;
  etaMinutes?: { low: number; high: number };
  nowServing: { counter: number; number: string }[];
};

/** A checked-in booking, as far as the order matters. */
export type WaitingRow = { id: string; serviceId: string; counterId: string | null };
export type CounterRow = { id: string; isActive: boolean; serviceIds: readonly string[] };

/**
 * The counters that may call this citizen, as `waitingFor` in the call-next query decides: the counter a
 * transfer named, otherwise every open counter serving their service (every counter serving it when none is
 * open, so a position is still shown before the counters open).
 */
export function countersFor(target: WaitingRow, counters: readonly CounterRow[]): CounterRow[] {
  if (target.counterId) return counters.filter((c) => c.id === target.counterId);
  const serving = counters.filter((c) => c.serviceIds.includes(target.serviceId));
  const open = serving.filter((c) => c.isActive);
  return open.length > 0 ? open : serving;
}

/** Whether `counter` would call `row` (the in-memory twin of `waitingFor` in lib/dal/queue/calls.ts). */
function isWaitingFor(row: WaitingRow, counter: CounterRow): boolean {
  return row.counterId ? row.counterId === counter.id : counter.serviceIds.includes(row.serviceId);
}

/**
 * How many are ahead: the rows before the citizen in `ordered` (already in the call-next fair order) that a
 * counter able to call the citizen would call first. Null when the citizen is not waiting.
 */
export function countAhead<R extends WaitingRow>(ordered: readonly R[], targetId: string, counters: readonly CounterRow[]): { ahead: R[]; counters: CounterRow[] } | null {
  const index = ordered.findIndex((r) => r.id === targetId);
  if (index === -1) return null;
  const mine = countersFor(ordered[index]!, counters);
  const ahead = ordered.slice(0, index).filter((r) => mine.some((c) => isWaitingFor(r, c)));
  return { ahead, counters: mine };
}

/** Minutes one citizen takes at a counter (from the call to "done"): the quartiles of a sample. */
export type ServiceTime = { p25: number; p75: number };
export const DEFAULT_SERVICE_TIME: ServiceTime = { p25: 6, p75: 15 };
/** Fewer measurements than this say more about luck than about the service. */
export const MIN_SAMPLES = 5;

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Today's measurements if there are enough, else recent days', else the default. */
export function serviceTimeFrom(today: readonly number[], history: readonly number[]): ServiceTime & { source: "today" | "history" | "default" } {
  for (const [sample, source] of [[today, "today"], [history, "history"]] as const) {
    if (sample.length >= MIN_SAMPLES) {
      const sorted = [...sample].sort((a, b) => a - b);
      return { p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), source };
    }
  }
  return { ...DEFAULT_SERVICE_TIME, source: "default" };
}

/**
 * The wait as a range: the work ahead (each citizen ahead at their own service's quartile) shared by the
 * open counters that can call this citizen; the high end also allows for the citizen already at each counter.
 * Rounded outwards to 5 minutes, at least 5 minutes wide, so it reads as an honest range, not a promise.
 */
export function estimateWait(aheadServiceTimes: readonly ServiceTime[], ownServiceTime: ServiceTime, openCounters: number): { low: number; high: number } {
  const k = Math.max(1, openCounters);
  const low = aheadServiceTimes.reduce((sum, s) => sum + s.p25, 0) / k;
  const high = (aheadServiceTimes.reduce((sum, s) => sum + s.p75, 0) + ownServiceTime.p75) / k;
  const lowR = Math.floor(low / 5) * 5;
  const highR = Math.max(lowR + 5, Math.ceil(high / 5) * 5);
  return { low: lowR, high: highR };
}
