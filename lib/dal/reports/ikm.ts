import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { ReportGroup } from "../../reports/types";
import { computeIkm, SKM_ELEMENTS, type IkmResult, type SkmScores } from "../../survey/skm";
import { selectRows } from "./rows";
import { periodExpression } from "./visits";

export type IkmAggregate = { dimension: "total" | "period" | "service" | "counter"; key: string | null; result: IkmResult };

type Raw = { gPeriod: number; gService: number; gCounter: number; key: string | null; responses: number } & SkmScores;

/** Each element's mean (NRR) per period, service and counter and in total; the IKM follows from them. */
export async function aggregateIkm(db: Executor, params: { officeId: string; from: string; to: string; groupBy: ReportGroup }): Promise<IkmAggregate[]> {
  const { officeId, from, to, groupBy } = params;
  const rows = await selectRows<Raw>(
    db,
    sql`
      with s as (
        select r.*, ${periodExpression(groupBy, sql`r.service_date`)} as period, r.service_id::text as service, r.counter_id::text as counter
        from survey_responses r
        where r.office_id = ${officeId} and r.service_date between ${from} and ${to}
      )
      select grouping(s.period)::int as "gPeriod", grouping(s.service)::int as "gService", grouping(s.counter)::int as "gCounter",
             coalesce(s.period::text, s.service, s.counter) as key, count(*)::int as responses,
             ${sql.join(
               SKM_ELEMENTS.map((e) => sql`avg(s.${sql.identifier(e)})::float8 as ${sql.identifier(e)}`),
               sql`, `,
             )}
      from s
      group by grouping sets ((s.period), (s.service), (s.counter), ())
    `,
  );
  return rows
    .filter((r) => r.responses > 0)
    .map((r) => ({
      dimension: r.gPeriod === 0 ? "period" : r.gService === 0 ? "service" : r.gCounter === 0 ? "counter" : "total",
      key: r.key,
      result: computeIkm(Object.fromEntries(SKM_ELEMENTS.map((e) => [e, r[e]])) as SkmScores, r.responses),
    }));
}
