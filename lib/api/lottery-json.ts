import type { LotteryEntryDTO } from "../dal/lottery/entries";

const API_STATUS = { waiting: "entered", drawn: "drawn", not_drawn: "not_drawn" } as const;

/** A lottery entry as the API returns it (202 from POST /api/v1/bookings, and the entry's look-up). */
export function toApiLotteryEntry(e: LotteryEntryDTO) {
  return {
    reference: e.reference,
    referenceDisplay: e.referenceDisplay,
    status: API_STATUS[e.status],
    drawAt: e.drawAt,
    date: e.date,
    session: e.session,
    service: e.service,
    office: { slug: e.office.slug, name: e.office.name },
    booking: e.booking,
  };
}
