import { apiRoute } from "@/lib/api/handler";
import { requireApiKey } from "@/lib/api/api-key";
import { queryObject } from "@/lib/api/query";
import { getReport } from "@/lib/dal/reports/summary";
import { ReportQuerySchema } from "@/lib/validation/reports";
import { parseInput } from "@/lib/validation/parse";

const WHERE = "GET /api/v1/reports/summary";

/** The staff report as JSON for integrations: an API key with the `reports` scope, for its own office. */
export const GET = apiRoute(WHERE, async (request, { t, ip }) => {
  const actor = await requireApiKey(request, "reports", { ip, where: WHERE });
  const query = parseInput(ReportQuerySchema, queryObject(request, ["from", "to", "groupBy", "office"]));
  return Response.json(await getReport(actor, query, { locale: t.locale }));
});
