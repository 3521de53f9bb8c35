import { queryObject } from "@/lib/api/query";
import { errorResponse } from "@/lib/api/respond";
import { requireStaffAction } from "@/lib/auth/session";
import { getReport } from "@/lib/dal/reports/summary";
import { getTranslator } from "@/lib/i18n/server";
import { reportFileName, reportToCsv } from "@/lib/reports/csv";
import { ReportQuerySchema } from "@/lib/validation/reports";
import { parseInput } from "@/lib/validation/parse";

/** The page's report as CSV, for the signed-in supervisor or admin (the data layer checks the role). */
export async function GET(request: Request): Promise<Response> {
  const t = await getTranslator();
  try {
    const actor = await requireStaffAction("reports.view");
    const query = parseInput(ReportQuerySchema, queryObject(request, ["from", "to", "groupBy", "office"]));
    const report = await getReport(actor, query, { locale: t.locale });
    return new Response(reportToCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${reportFileName(report)}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, t, "GET /staff/reports/export.csv");
  }
}
