import { apiRoute } from "@/lib/api/handler";
import { withQueueMissGuard } from "@/lib/limits/reference-misses";
import { SSE_HEADERS } from "@/lib/display-stream";
import { getQueueStatus } from "@/lib/dal/queue/position";
import { getQueueEventsHub } from "@/lib/queue-events-hub";
import { openQueueStatusStream, sharedOfficeDay } from "@/lib/queue-status-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ reference: string }> };

/**
 * The live status as server-sent events: `status` (the same object as GET /api/v1/queue/{reference}) at once
 * and after every change, `calls` ({ count }) at each call and recall. Fed by the process's one
 * LISTEN; an unknown reference is a 404 before any stream opens.
 */
export const GET = apiRoute("GET /api/v1/queue/{reference}/events", async (request, { ip }, { params }: Params) => {
  const { reference } = await params;
  const view = await withQueueMissGuard(ip, () => getQueueStatus({ reference }, { loadDay: sharedOfficeDay }));
  const stream = await openQueueStatusStream(view, { hub: await getQueueEventsHub(), signal: request.signal });
  return new Response(stream, { headers: SSE_HEADERS });
});
