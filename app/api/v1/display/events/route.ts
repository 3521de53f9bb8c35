import { errorResponse } from "@/lib/api/respond";
import { deviceActorFromRequest } from "@/lib/auth/device-session";
import { openDisplayStream, SSE_HEADERS } from "@/lib/display-stream";
import { AppError } from "@/lib/errors";
import { createTranslator, localeFromRequest } from "@/lib/i18n/translate";
import { getQueueEventsHub } from "@/lib/queue-events-hub";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Server-sent events for the waiting-room display, authenticated by the device cookie: a snapshot, then
 * each call of the device's office, heartbeats every 15 s. A missing or revoked device gets a 401 and no data.
 */
export async function GET(request: Request): Promise<Response> {
  const t = createTranslator(localeFromRequest(request));
  try {
    const actor = await deviceActorFromRequest(request, "display.view");
    if (!actor) throw new AppError("unauthorized", "devices.error.notActivated");
    const stream = await openDisplayStream(actor, { hub: await getQueueEventsHub(), signal: request.signal });
    return new Response(stream, { headers: SSE_HEADERS });
  } catch (error) {
    return errorResponse(error, t, "display events");
  }
}
