import type { BookingDTO } from "../dal/booking-dto";

/**
 * The booking as the API returns it, field by field, so nothing added to the DTO later reaches
 * integrations by accident. No internal ids; the NIK only masked.
 */
export function toApiBooking(b: BookingDTO) {
  return {
    reference: b.reference,
    referenceDisplay: b.referenceDisplay,
    queueNumber: b.queueNumber,
    status: b.status,
    channel: b.channel,
    date: b.date,
    session: { id: b.session.id, label: b.session.label, start: b.session.start, end: b.session.end },
    service: { slug: b.service.slug, name: b.service.name, category: b.service.category },
    office: { slug: b.office.slug, name: b.office.name, shortName: b.office.shortName, address: b.office.address, timezone: b.office.timezone },
    nikMasked: b.nikMasked,
    name: b.name,
    phone: b.phone,
    email: b.email,
    isPriority: b.isPriority,
    createdAt: b.createdAt,
    checkedInAt: b.checkedInAt,
  };
}
