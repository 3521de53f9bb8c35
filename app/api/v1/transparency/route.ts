import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { queryObject } from "@/lib/api/query";
import { getTransparency } from "@/lib/dal/transparency";
import { SlugSchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

const TransparencyQuerySchema = z.object({ office: SlugSchema.optional() });

/** The transparency page's numbers: places this week, last month's no-show rate, waiting time and IKM; the lottery's public counts. */
export const GET = apiRoute("GET /api/v1/transparency", async (request) => {
  const query = parseInput(TransparencyQuerySchema, queryObject(request, ["office"]));
  const data = await getTransparency({ officeSlug: query.office });
  const { noShowRate, medianWaitMinutes, ikm, ikmGrade, responses } = data.lastMonth;
  return Response.json(
    { office: data.office, days: data.days, lastMonth: { noShowRate, medianWaitMinutes, ikm, ikmGrade, responses }, lottery: data.lottery },
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
});
