import "server-only";
import { applyDueReleases } from "./dal/capacity-release";
import { ensureNationalHolidays } from "./dal/holidays";
import { getDb } from "./db";
import { getEnv } from "./env";
import { describeError } from "./errors";
import { workerConfigFromEnv } from "./messages/run";
import { runMessagesOnce } from "./messages/worker";
import { pruneLoginThrottles } from "./dal/login-throttles";
import { sweepOutageStragglers } from "./dal/outages";
import { runDueDraws } from "./dal/lottery/draw";
import { expireMissedBookings } from "./dal/queue/expiry";
import { pruneRateLimits } from "./dal/rate-limit";
import { prunePowSpent } from "./dal/pow";
import { purgeExpiredPersonalData } from "./dal/retention";

export type Job = { name: string; everyMs: number; run: (now: Date) => Promise<string | null> };

/** Background work, per server process. Every job is idempotent, so several instances may run it. */
const JOBS: Job[] = [
  {
    // The outbox worker, in-process (the embedded default needs it here); `npm run worker` runs the same
    // pass for PostgreSQL deployments. Several at once are safe: rows are claimed with SKIP LOCKED.
    name: "messages",
    everyMs: 10_000,
    // Its own clock, read at every claim and send: a pass can outlast the tick's `now` by minutes.
    run: async () => {
      const r = await runMessagesOnce(await getDb(), messagesConfig());
      const done = r.sent + r.retried + r.failed + r.reminders + r.nearTurns + r.noChannel;
      return done > 0 ? `${r.sent} sent, ${r.retried} to retry, ${r.failed} failed, ${r.noChannel} without channel, ${r.reminders} reminder(s) and ${r.nearTurns} near-turn message(s) queued` : null;
    },
  },
  {
    // Issue 9: cancelled and moved places come back (to the standby list first) once their delay is over;
    // offers not accepted in time pass to the next person. Idempotent, SKIP LOCKED, safe on every instance.
    name: "re-release",
    everyMs: 15_000,
    run: async (now) => {
      const r = await applyDueReleases({ now });
      return r.offered + r.released + r.expired > 0 ? `${r.released} place(s) back on sale, ${r.offered} offered to standby, ${r.expired} offer(s) expired` : null;
    },
  },
  {
    // Issue 9's fair release: a date whose lottery window has closed is drawn. Every instance may try;
    // the day's advisory lock and the unique draws row let exactly one draw it.
    name: "lottery draw",
    everyMs: 10_000,
    run: async (now) => {
      const r = await runDueDraws({ now });
      return r.draws > 0 ? `${r.draws} date(s) drawn, ${r.winners} of ${r.entries} entries booked` : null;
    },
  },
  {
    name: "expiry sweep",
    everyMs: 60_000,
    run: async (now) => {
      const r = await expireMissedBookings({ now });
      return r.noShows + r.expired > 0 ? `${r.noShows} no-show(s), ${r.expired} expired` : null;
    },
  },
  {
    // The outage switch holds within a minute even for a booking that raced it (lib/dal/outages.ts).
    name: "outage sweep",
    everyMs: 60_000,
    run: async (now) => {
      const n = await sweepOutageStragglers({ now });
      return n > 0 ? `${n} booking(s) made during an outage cancelled with priority rebooking` : null;
    },
  },
  {
    name: "housekeeping",
    everyMs: 60 * 60_000,
    run: async (now) => {
      const purged = await purgeExpiredPersonalData({ now });
      const holidays = await ensureNationalHolidays({ now });
      await pruneRateLimits({ now });
      await prunePowSpent({ now });
      await pruneLoginThrottles({ now });
      return purged.bookings + holidays.added > 0 ? `${purged.bookings} booking(s) purged, ${holidays.added} holiday(s) added` : null;
    },
  },
];

const state = globalThis as unknown as { antreanMaintenance?: boolean };

let cachedConfig: ReturnType<typeof workerConfigFromEnv> | undefined;
function messagesConfig() {
  return (cachedConfig ??= workerConfigFromEnv(getEnv()));
}

/** The start-up notice about background work (lib/start-up.ts): which message channels are on, or none of it. */
export function maintenanceNotice(): string {
  if (getEnv().ANTREAN_SWEEPER === "0") return "[antrean] ANTREAN_SWEEPER=0: no background work in this process (messages, expiry, retention).";
  return `[antrean] messages: ${messagesConfig().description}`;
}

/**
 * One run of a job, its summary or failure logged. A failure is logged through describeError: drizzle's
 * message carries the failed query's parameters (names, phone numbers, encrypted NIKs).
 */
export async function runJob(job: Job, now: Date): Promise<void> {
  try {
    const summary = await job.run(now);
    if (summary) console.info(`[antrean] ${job.name}: ${summary}`);
  } catch (error) {
    console.error(`[antrean] ${job.name} failed: ${describeError(error)}`);
  }
}

/**
 * Starts the jobs once per process (dev reloads re-run register()). A slow run never overlaps the next
 * tick; errors are logged and retried on the next one; timers are unref'd. ANTREAN_SWEEPER=0 turns it off.
 */
export function startMaintenance(): void {
  if (state.antreanMaintenance || getEnv().ANTREAN_SWEEPER === "0") return;
  state.antreanMaintenance = true;
  for (const job of JOBS) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      await runJob(job, new Date());
      running = false;
    };
    setInterval(() => void tick(), job.everyMs).unref();
    setTimeout(() => void tick(), 5_000).unref();
  }
}
