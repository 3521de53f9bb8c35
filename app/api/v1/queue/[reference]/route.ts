import { apiRoute } from "@/lib/api/handler";
import { withQueueMissGuard } from "@/lib/limits/reference-misses";
import { getQueueStatus } from "@/lib/dal/queue/position";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ reference: string }> };

/** A booking's live queue status by reference: queue numbers and counters only, never a name or NIK. */
export const GET = apiRoute("GET /api/v1/queue/{reference}", async (_request, { ip }, { params }: Params) => {
  const { reference } = await params;
  const view = await withQueueMissGuard(ip, () => getQueueStatus({ reference }));
  return Response.json(view.status);
});
