import "server-only";
import { assertReferenceMissesLeft, countReferenceMiss } from "../limits/reference-misses";
import { UNTRUSTED_CLIENT } from "../client-ip";
import { isAppError } from "../errors";
import type { Locale } from "../i18n/messages";
import { verifyManageToken } from "../manage-token";
import { shortenName } from "../name";
import { isReference, normalizeReference } from "../reference";
import { forgetReference, rememberReference } from "../public-confirmations";
import type { BookingDTO } from "./booking-dto";
import { findBookingByReference } from "./bookings";
import { requireOffice } from "./offices";
import { cachedRead } from "./read-cache";
import { findServiceDTO, type RequirementDTO } from "./services";
import { withDefaults, type CommandOptions } from "./command-options";

export type Confirmation = { booking: BookingDTO; requirements: RequirementDTO[]; canManage: boolean };

/**
 * The confirmation page's data. Whoever holds the reference sees the booking with the name shortened and
 * the NIK masked; the browser that proved the NIK (`manageToken`, for a while after a booking or a look-up)
 * sees the full name and may change it. Misses are limited per address (`ip`: the rate-limit key) so
 * references cannot be walked; 429 (AppError) once used up, except for the proven owner.
 */
export async function findConfirmation(
  { reference: rawReference, manageToken, ip = UNTRUSTED_CLIENT }: { reference: string; manageToken?: string; ip?: string },
  options: CommandOptions = {},
): Promise<Confirmation | null> {
  const { locale } = withDefaults(options);
  const reference = normalizeReference(rawReference);
  const isOwner = isReference(reference) && verifyManageToken(manageToken, reference);
  if (!isOwner) await assertReferenceMissesLeft(ip);
  const booking = isReference(reference) ? await findBookingByReference({ reference }, { locale }) : null;
  if (!booking) {
    await countReferenceMiss(ip);
    return null;
  }
  rememberReference(booking.reference);
  return confirmationOf(booking, locale, isOwner);
}

/**
 * The view of a booking everyone who holds the reference may see, for the shared cache of the confirmation
 * page (lib/public-confirmations.ts): no address, no rate limit. proxy.ts sends only references this process
 * has found through findConfirmation, to addresses that have not missed here.
 */
export async function findSharedConfirmation({ reference: rawReference }: { reference: string }, options: CommandOptions = {}): Promise<Confirmation | null> {
  const { locale } = withDefaults(options);
  const reference = normalizeReference(rawReference);
  const booking = isReference(reference) ? await findBookingByReference({ reference }, { locale }) : null;
  if (!booking) {
    forgetReference(reference);
    return null;
  }
  return confirmationOf(booking, locale, false);
}

async function confirmationOf(booking: BookingDTO, locale: Locale, isOwner: boolean): Promise<Confirmation> {
  // A service withdrawn after the booking was made still shows the booking, without its checklist.
  const requirements = await cachedRead(
    "settings",
    `requirements:${booking.office.slug}:${booking.service.slug}:${locale}`,
    async () => (await findServiceDTO({ office: await requireOffice(booking.office.slug), slug: booking.service.slug }, { locale }))?.requirements ?? [],
  );
  return {
    booking: isOwner ? booking : { ...booking, name: booking.name && shortenName(booking.name), phone: null, email: null },
    requirements,
    canManage: booking.status === "booked" && isOwner,
  };
}

export const RATE_LIMITED = "rate_limited" as const;

/** For pages: the confirmation, null for a 404, or RATE_LIMITED to show a "try again later" message. */
export async function findConfirmationForPage(...args: Parameters<typeof findConfirmation>): Promise<Confirmation | null | typeof RATE_LIMITED> {
  try {
    return await findConfirmation(...args);
  } catch (error) {
    if (isAppError(error) && error.code === "rate_limited") return RATE_LIMITED;
    throw error;
  }
}
