import "server-only";
import { ensureNationalHolidays } from "./dal/holidays";
import { pruneLoginThrottles } from "./dal/login-throttles";
import { expireMissedBookings } from "./dal/queue/expiry";
import { pruneRateLimits } from "./dal/rate-limit";
import { purgeExpiredPersonalData } from "./dal/retention";

type Job = { name: string; everyMs: number; run: (now: Date) => Promise<string | null> };

/** Background work, per server process. Every job is idempotent, so several instances may run it. */
const JOBS: Job[] = [
  {
    name: "expiry sweep",
    everyMs: 60_000,
    run: async (now) => {
      const r = await expireMissedBookings({ now });
      return r.noShows + r.expired > 0 ? `${r.noShows} no-show(s), ${r.expired} expired` : null;
    },
  },
  {
    name: "housekeeping",
    everyMs: 60 * 60_000,
    run: async (now) => {
      const purged = await purgeExpiredPersonalData({ now });
      const holidays = await ensureNationalHolidays({ now });
      await pruneRateLimits(now);
      await pruneLoginThrottles(now);
      return purged.bookings + holidays.added > 0 ? `${purged.bookings} booking(s) purged, ${holidays.added} holiday(s) added` : null;
    },
  },
];

const state = globalThis as unknown as { antreanMaintenance?: boolean };

/**
 * Starts the jobs once per process (dev reloads re-run register()). A slow run never overlaps the next
 * tick; errors are logged and retried on the next one; timers are unref'd. ANTREAN_SWEEPER=0 turns it off.
 */
export function startMaintenance(): void {
  if (state.antreanMaintenance || process.env.ANTREAN_SWEEPER === "0") return;
  state.antreanMaintenance = true;
  for (const job of JOBS) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const summary = await job.run(new Date());
        if (summary) console.info(`[antrean] ${job.name}: ${summary}`);
      } catch (error) {
        console.error(`[antrean] ${job.name} failed`, error);
      } finally {
        running = false;
      }
    };
    setInterval(() => void tick(), job.everyMs).unref();
    setTimeout(() => void tick(), 5_000).unref();
  }
}
