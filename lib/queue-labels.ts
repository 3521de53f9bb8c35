import type { Booking, BookingStatus } from "@/db/schema";
import type { MessageKey } from "./i18n/messages";

/** The message key of each status, channel and priority reason, for pages and error messages. */
export const STATUS_LABEL: Record<BookingStatus, MessageKey> = {
  booked: "queue.status.booked",
  checked_in: "queue.status.checked_in",
  called: "queue.status.called",
  serving: "queue.status.serving",
  done: "queue.status.done",
  cancelled: "queue.status.cancelled",
  no_show: "queue.status.no_show",
  expired: "queue.status.expired",
};

export const CHANNEL_LABEL: Record<Booking["channel"], MessageKey> = {
  online: "queue.channel.online",
  assisted: "queue.channel.assisted",
  walk_in: "queue.channel.walk_in",
};

export const PRIORITY_LABEL: Record<NonNullable<Booking["priorityReason"]>, MessageKey> = {
  elderly: "queue.priority.elderly",
  disability: "queue.priority.disability",
  pregnant: "queue.priority.pregnant",
};

/**
 * The reasons staff may mark a citizen as priority for (age is read from the NIK, not chosen). Here, beside
 * their labels, rather than with the schemas, so the desks' client components can list them without zod.
 */
export const PRIORITY_REASONS = ["disability", "pregnant"] as const satisfies readonly (keyof typeof PRIORITY_LABEL)[];

export function isBookingStatus(value: unknown): value is BookingStatus {
  return typeof value === "string" && value in STATUS_LABEL;
}
