import { assertReferenceMissesLeft, countReferenceMiss } from "@/lib/limits/reference-misses";
import { clientIp } from "@/lib/client-ip";
import { findBookingByReference } from "@/lib/dal/bookings";
import { isAppError } from "@/lib/errors";
import { createTranslator, localeFromRequest } from "@/lib/i18n/translate";
import { createBookingIcs } from "@/lib/ics";
import { isReference, normalizeReference } from "@/lib/reference";

/** An iCalendar file for the visit: date, session, place, queue number, status. No personal data. */
export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const reference = normalizeReference((await params).reference);
  const t = createTranslator(localeFromRequest(request));
  const ip = clientIp(request);
  try {
    await assertReferenceMissesLeft(ip);
  } catch (error) {
    if (isAppError(error) && error.code === "rate_limited") return new Response("Too many requests", { status: 429, headers: { "Retry-After": String(error.params?.retryAfter ?? 60) } });
    throw error;
  }
  const booking = isReference(reference) ? await findBookingByReference({ reference }, { locale: t.locale }) : null;
  if (!booking) {
    await countReferenceMiss(ip);
    return new Response("Not found", { status: 404 });
  }

  return new Response(createBookingIcs(booking, t, new Date()), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="antrean-${booking.reference}.ics"`,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
