import { pgEnum } from "drizzle-orm/pg-core";

export const staffRoleEnum = pgEnum("staff_role", ["admin", "supervisor", "operator"]);

/** booked → checked_in → called → serving → done; or cancelled / no_show / expired. */
export const bookingStatusEnum = pgEnum("booking_status", [
  "booked",
  "checked_in",
  "called",
  "serving",
  "done",
  "cancelled",
  "no_show",
  "expired",
]);

export const bookingChannelEnum = pgEnum("booking_channel", ["online", "assisted", "walk_in"]);

export const priorityReasonEnum = pgEnum("priority_reason", ["elderly", "disability", "pregnant"]);

export const lateArrivalPolicyEnum = pgEnum("late_arrival_policy", ["back_of_queue", "refuse"]);

export const dateOverrideKindEnum = pgEnum("date_override_kind", ["closed", "open"]);

export const capacityScopeEnum = pgEnum("capacity_scope", ["day", "session", "service", "phone", "sequence", "priority"]);

export const deviceKindEnum = pgEnum("device_kind", ["display", "kiosk"]);

export const actorTypeEnum = pgEnum("actor_type", ["citizen", "staff", "device", "system", "api_key"]);

export const callKindEnum = pgEnum("call_kind", ["call", "recall"]);

/**
 * What a service requirement asks of the citizen: a document to bring (the checklist asks to prepare it),
 * a condition the person must meet (age, marital status), or a conditional note ("if … then form F-1.04").
 */
export const requirementKindEnum = pgEnum("requirement_kind", ["document", "condition", "note"]);

/** Which copy of a document to bring, where the office says so. */
export const documentCopyEnum = pgEnum("document_copy", ["original", "photocopy", "both"]);

/** Why a message is sent; each kind has its own template in both languages. */
export const messageKindEnum = pgEnum("message_kind", ["confirmation", "moved", "cancelled", "reminder", "survey", "outage", "near_turn", "standby_offer", "reminder_morning", "lottery_drawn", "lottery_not_drawn"]);

/** WhatsApp (or SMS) through the office's HTTP gateway, or email through SMTP. */
export const messageChannelEnum = pgEnum("message_channel", ["whatsapp", "email"]);

/**
 * queued → sent, or failed after the configured attempts (or a permanent provider refusal); no_channel when
 * the channel is not configured (kept for staff, sent on resend); cancelled when its booking no longer needs it.
 */
export const messageStatusEnum = pgEnum("message_status", ["queued", "sent", "failed", "no_channel", "cancelled"]);
