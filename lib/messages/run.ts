import { getPublicSite, type Env } from "../env";
import { channelsFromEnv, describeChannels } from "./channels";
import type { WorkerConfig } from "./worker";

/** The worker's settings from the environment; links go to the site's public address (getPublicSite). */
export function workerConfigFromEnv(env: Env): WorkerConfig & { description: string } {
  const channels = channelsFromEnv(env);
  return {
    channels,
    baseUrl: getPublicSite().origin,
    maxAttempts: env.ANTREAN_MESSAGE_MAX_ATTEMPTS,
    reminderAt: env.ANTREAN_REMINDER_AT,
    morningReminderAt: env.ANTREAN_MORNING_REMINDER_AT,
    description: describeChannels(channels),
  };
}
