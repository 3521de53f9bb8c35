import type { BookingStatus } from "@/db/schema";
import type { Translator } from "./i18n/translate";

export type { BookingStatus };

/**
 * Whether the booking's QR code still gets someone checked in (or finds them in the queue once checked
 * in). A cancelled, finished, missed or expired booking shows no QR anywhere, so an old printout or
 * screenshot cannot pass for a valid one.
 */
export function hasUsableQr(status: BookingStatus): boolean {
  return status === "booked" || status === "checked_in";
}

/** The heading of the confirmation and its printouts: "Booking berhasil" only while it is booked. */
export function bookingHeading(status: BookingStatus, t: Translator): string {
  if (status === "booked") return t("confirm.title");
  if (status === "cancelled") return t("confirm.cancelledTitle");
  return t("confirm.statusTitle", { status: t(`status.${status}`) });
}
