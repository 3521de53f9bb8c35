import { apiRoute } from "@/lib/api/handler";
import { findBookingByReference } from "@/lib/dal/bookings";
import { AppError } from "@/lib/errors";
import { createBookingIcs } from "@/lib/ics";
import { assertReferenceMissesLeft, countReferenceMiss } from "@/lib/limits/reference-misses";
import { isReference, normalizeReference } from "@/lib/reference";

type Params = { params: Promise<{ reference: string }> };

/**
 * An iCalendar file for the visit: date, session, place, queue number, status. No personal data. Unknown
 * references count against the address's look-up misses like the pages (429 once they are used up); errors
 * are the API's, in the reader's language.
 */
export const GET = apiRoute("calendar.ics", async (request, { t, ip }, { params }: Params) => {
  const reference = normalizeReference((await params).reference);
  await assertReferenceMissesLeft(ip);
  const booking = isReference(reference) ? await findBookingByReference({ reference }, { locale: t.locale }) : null;
  if (!booking) {
    await countReferenceMiss(ip);
    throw new AppError("not_found", "error.referenceNotFound");
  }
  return new Response(createBookingIcs(booking, t, new Date()), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="antrean-${booking.reference}.ics"`,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
});
