import { revalidatePath } from "next/cache";

/**
 * The cached citizen pages (app/[locale]/, `revalidate = 1`) are never served more than a second after
 * they were rendered: next.config.ts sets `expireTime: 1`, so an older copy is rendered again before it is
 * answered (never stale-while-revalidate, which would hand a lone visitor after a quiet hour the old page).
 * That bounds bookings and cancellations. A change to what the office offers (services, settings, the
 * schedule, an outage) also expires every cached page of this process at once, so the next visitor sees it.
 *
 * Outside a request (scripts, the worker, tests) there is no page cache in this process, and Next throws;
 * nothing is to be expired then.
 */
export function expireCitizenPages(): void {
  try {
    revalidatePath("/", "layout");
  } catch {
    // No request scope: nothing cached here.
  }
}
