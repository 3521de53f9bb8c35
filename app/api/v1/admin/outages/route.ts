import { readJsonObject } from "@/lib/api/body";
import { requireApiKey } from "@/lib/api/api-key";
import { apiRoute } from "@/lib/api/handler";
import { declareOutage } from "@/lib/dal/outages";
import { DeclareOutageSchema } from "@/lib/validation/outage";
import { parseInput } from "@/lib/validation/parse";

const WHERE = "POST /api/v1/admin/outages";

/**
 * The outage switch for integrations (API key scope `admin`): `{ office?, date, session?, service?, reason }`
 * → 201 with the outage and the references of the bookings it cancelled (each got a priority rebooking and
 * a notice). 422 bad input, 409 the same outage already active, 401/403 key.
 */
export const POST = apiRoute(WHERE, async (request, { ip }) => {
  const actor = await requireApiKey(request, "admin", { ip, where: WHERE });
  const input = parseInput(DeclareOutageSchema, await readJsonObject(request));
  const { outage, affected } = await declareOutage(actor, input);
  return Response.json(
    {
      outage: { id: outage.id, office: outage.office, date: outage.date, session: outage.session, service: outage.service, reason: outage.reason, reasonEn: outage.reasonEn, startsAt: outage.startsAt.toISOString() },
      references: affected.map((a) => a.reference),
      priorityUntil: affected[0]?.expiresAt.toISOString() ?? null,
    },
    { status: 201 },
  );
});
