import "server-only";
import { expireMissedBookings } from "./dal/queue/expiry";

const SWEEP_EVERY_MS = 60_000;
const FIRST_SWEEP_AFTER_MS = 5_000;

const state = globalThis as unknown as { antreanSweeper?: { timer: NodeJS.Timeout; running: boolean } };

/**
 * Starts the minute-by-minute expiry sweep for this process, once (dev reloads re-run register()).
 * Every instance runs its own: the sweep is idempotent and two at once split the rows (SKIP LOCKED).
 * Errors are logged and the next tick tries again; the timers are unref'd so they never keep a
 * process alive on their own. Set ANTREAN_SWEEPER=0 to turn it off (e.g. a read-only instance).
 */
export function startQueueSweeper(): void {
  if (state.antreanSweeper || process.env.ANTREAN_SWEEPER === "0") return;
  const sweeper = { timer: setInterval(() => void sweep(), SWEEP_EVERY_MS), running: false };
  sweeper.timer.unref();
  setTimeout(() => void sweep(), FIRST_SWEEP_AFTER_MS).unref();
  state.antreanSweeper = sweeper;

  async function sweep(): Promise<void> {
    // A slow sweep (a large backlog after downtime) must not overlap with the next tick.
    if (sweeper.running) return;
    sweeper.running = true;
    try {
      const result = await expireMissedBookings({ now: new Date() });
      if (result.noShows + result.expired > 0) console.info(`[antrean] expiry sweep: ${result.noShows} no-show(s), ${result.expired} expired`);
    } catch (error) {
      console.error("[antrean] expiry sweep failed", error);
    } finally {
      sweeper.running = false;
    }
  }
}
