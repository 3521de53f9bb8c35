import { apiRoute } from "@/lib/api/handler";
import { queryObject } from "@/lib/api/query";
import { getAvailability, type AvailabilityResult } from "@/lib/dal/availability";
import { requirePublicOffice } from "@/lib/dal/places";
import { AvailabilityQuerySchema } from "@/lib/validation/booking";
import { parseInput } from "@/lib/validation/parse";

/**
 * Each answer's JSON, written once: getAvailability hands every caller the same result object until its
 * read-cache entry expires (at most a second, or at once after a booking or cancellation in this process),
 * so the serialized body lives exactly as long and is never staler than the result it was made from.
 */
const bodies = new WeakMap<AvailabilityResult, string>();

/** Open dates and sessions with the places left for online booking; closed days say why. */
export const GET = apiRoute("GET /api/v1/availability", async (request, { t }) => {
  const query = parseInput(AvailabilityQuerySchema, queryObject(request, ["office", "service", "from", "days"]));
  await requirePublicOffice(query.office);
  const result = await getAvailability({ officeSlug: query.office, serviceSlug: query.service, from: query.from, days: query.days, t });
  let body = bodies.get(result);
  if (body === undefined) {
    body = JSON.stringify(toApiAvailability(result));
    bodies.set(result, body);
  }
  return new Response(body, { headers: { "Content-Type": "application/json" } });
});

function toApiAvailability(result: AvailabilityResult) {
  return {
    office: result.office,
    service: result.service,
    firstAvailableDate: result.firstAvailableDate,
    days: result.days.map((d) => ({
      date: d.date,
      open: d.open,
      ...(d.reasonCode ? { reasonCode: d.reasonCode, reason: d.reason } : {}),
      ...(d.note ? { note: d.note } : {}),
      // The outage switch: a suspended session or day, with its public reason.
      ...(d.outage ? { outage: d.outage } : {}),
      ...(d.reasonCode === "full" ? { nextDateWithRoom: d.nextDateWithRoom ?? null } : {}),
      sessions: d.sessions.map((s) => ({
        id: s.id,
        label: s.label,
        start: s.start,
        end: s.end,
        capacity: s.capacity,
        remaining: s.remaining,
        ...(s.closed ? { closed: true, reason: s.reason } : {}),
      })),
    })),
  };
}
