import "server-only";
import type { Locale } from "../i18n/messages";
import { verifyManageToken } from "../manage-token";
import { isReference, normalizeReference } from "../reference";
import type { BookingDTO } from "./booking-dto";
import { findBookingByReference } from "./bookings";
import { requireOffice } from "./offices";
import { cachedRead } from "./read-cache";
import { getServiceDTO, type RequirementDTO } from "./services";

export type Confirmation = { booking: BookingDTO; requirements: RequirementDTO[]; canManage: boolean };

/**
 * The confirmation page's data. Whoever holds the reference sees the booking (NIK masked); changing it
 * needs proof of the NIK, which `manageToken` carries for a while after a booking or a look-up.
 */
export async function getConfirmation(rawReference: string, locale: Locale, manageToken?: string): Promise<Confirmation | null> {
  const reference = normalizeReference(rawReference);
  if (!isReference(reference)) return null;
  const booking = await findBookingByReference(reference, locale);
  if (!booking) return null;
  // A service withdrawn after the booking was made still shows the booking, without its checklist.
  const requirements = await cachedRead("settings", `requirements:${booking.office.slug}:${booking.service.slug}:${locale}`, async () =>
    getServiceDTO(await requireOffice(booking.office.slug), booking.service.slug, locale).then(
      (s) => s.requirements,
      () => [],
    ),
  );
  return {
    booking,
    requirements,
    canManage: booking.status === "booked" && verifyManageToken(manageToken, reference),
  };
}
