import { apiRoute } from "@/lib/api/handler";
import { requireApiKey } from "@/lib/api/api-key";
import { queryObject } from "@/lib/api/query";
import { getReport } from "@/lib/dal/reports/summary";
import { reportCsvResponse } from "@/lib/reports/csv";
import { ReportQuerySchema } from "@/lib/validation/reports";
import { parseInput } from "@/lib/validation/parse";

const WHERE = "GET /api/v1/reports/export.csv";

/** The same report as the staff page's CSV download, for an API key with the `reports` scope. */
export const GET = apiRoute(WHERE, async (request, { t, ip }) => {
  const actor = await requireApiKey(request, "reports", { ip, where: WHERE });
  const query = parseInput(ReportQuerySchema, queryObject(request, ["from", "to", "groupBy", "office"]));
  return reportCsvResponse(await getReport(actor, query, { locale: t.locale }));
});
