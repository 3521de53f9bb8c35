import "server-only";
import { consumeRateLimit } from "../dal/rate-limit";

/**
 * Requests per API key and window, every call counted (bookings, reports, admin): a key is one caller,
 * trusted to skip proof of work and the per-address limits, not to take the whole office's day.
 */
export const API_KEY_LIMIT = { limit: 600, windowSeconds: 600 } as const;

export const apiKeyLimitKey = (apiKeyId: string) => `api:key:${apiKeyId}`;

export async function limitApiKey(apiKeyId: string): Promise<void> {
  await consumeRateLimit({ key: apiKeyLimitKey(apiKeyId), limit: API_KEY_LIMIT.limit, windowSeconds: API_KEY_LIMIT.windowSeconds });
}
