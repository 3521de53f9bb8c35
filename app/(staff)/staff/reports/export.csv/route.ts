import { apiRoute } from "@/lib/api/handler";
import { queryObject } from "@/lib/api/query";
import { requireStaffAction } from "@/lib/auth/session";
import { getReport } from "@/lib/dal/reports/summary";
import { localeFromCookie } from "@/lib/i18n/translate";
import { reportCsvResponse } from "@/lib/reports/csv";
import { ReportQuerySchema } from "@/lib/validation/reports";
import { parseInput } from "@/lib/validation/parse";

/**
 * The page's report as CSV, for the signed-in supervisor or admin (the data layer checks the role). A refusal
 * is the API's JSON error (401/403/422), in the portal's language.
 */
export const GET = apiRoute(
  "GET /staff/reports/export.csv",
  async (request, { t }) => {
    const actor = await requireStaffAction("reports.view");
    const query = parseInput(ReportQuerySchema, queryObject(request, ["from", "to", "groupBy", "office"]));
    return reportCsvResponse(await getReport(actor, query, { locale: t.locale }));
  },
  { locale: localeFromCookie },
);
