import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { ReportCounts, ReportGroup, ReportTimes } from "../../reports/types";
import { minutes, selectRows } from "./rows";

export type Dimension = "total" | "period" | "service" | "channel" | "counter";

export type VisitAggregate = ReportCounts & ReportTimes & { dimension: Dimension; key: string | null };

type Raw = Omit<VisitAggregate, "dimension" | "waitMedian" | "waitP90" | "serviceMedian" | "serviceP90"> & {
  gPeriod: number;
  gService: number;
  gChannel: number;
  gCounter: number;
  waitMedian: number | null;
  waitP90: number | null;
  serviceMedian: number | null;
  serviceP90: number | null;
};

/** `date_trunc` on the service date: a visit belongs to the period of the day it was booked for. */
export function periodExpression(groupBy: ReportGroup, column: SQL): SQL {
  return sql`date_trunc(${sql.raw(`'${groupBy}'`)}, ${column}::timestamp)::date::text`;
}

/**
 * Counts and times for one office and date range, in one pass over the range's bookings (the
 * office/date/status index), grouped four ways at once with GROUPING SETS: by period, service, channel and
 * the counter that last served, plus the total. Percentiles are exact (percentile_cont), not averaged.
 */
export async function aggregateVisits(db: Executor, params: { officeId: string; from: string; to: string; groupBy: ReportGroup }): Promise<VisitAggregate[]> {
  const { officeId, from, to, groupBy } = params;
  const wait = sql`extract(epoch from (v.first_call_at - v.checked_in_at)) / 60`;
  const service = sql`extract(epoch from (v.finished_at - v.called_at)) / 60`;
  const hasWait = sql`v.first_call_at is not null and v.checked_in_at is not null and v.first_call_at >= v.checked_in_at`;
  const hasService = sql`v.status = 'done' and v.called_at is not null and v.finished_at is not null`;
  const rows = await selectRows<Raw>(
    db,
    sql`
      with v as (
        select b.status, b.channel::text as channel, b.service_id::text as service_id, b.counter_id::text as counter_id,
               ${periodExpression(groupBy, sql`b.service_date`)} as period,
               b.checked_in_at, b.called_at, b.finished_at,
               (select min(c.called_at) from calls c where c.booking_id = b.id) as first_call_at
        from bookings b
        where b.office_id = ${officeId} and b.service_date between ${from} and ${to}
      )
      select grouping(v.period)::int as "gPeriod", grouping(v.service_id)::int as "gService",
             grouping(v.channel)::int as "gChannel", grouping(v.counter_id)::int as "gCounter",
             coalesce(v.period, v.service_id, v.channel, v.counter_id) as key,
             count(*)::int as booked,
             count(v.checked_in_at)::int as "checkedIn",
             (count(*) filter (where v.status = 'done'))::int as served,
             (count(*) filter (where v.status = 'no_show'))::int as "noShow",
             (count(*) filter (where v.status = 'cancelled'))::int as cancelled,
             (count(*) filter (where v.status = 'expired'))::int as expired,
             (percentile_cont(0.5) within group (order by ${wait}) filter (where ${hasWait}))::float8 as "waitMedian",
             (percentile_cont(0.9) within group (order by ${wait}) filter (where ${hasWait}))::float8 as "waitP90",
             (percentile_cont(0.5) within group (order by ${service}) filter (where ${hasService}))::float8 as "serviceMedian",
             (percentile_cont(0.9) within group (order by ${service}) filter (where ${hasService}))::float8 as "serviceP90"
      from v
      group by grouping sets ((v.period), (v.service_id), (v.channel), (v.counter_id), ())
    `,
  );
  return rows.map((r) => ({
    dimension: r.gPeriod === 0 ? "period" : r.gService === 0 ? "service" : r.gChannel === 0 ? "channel" : r.gCounter === 0 ? "counter" : "total",
    key: r.key,
    booked: r.booked,
    checkedIn: r.checkedIn,
    served: r.served,
    noShow: r.noShow,
    cancelled: r.cancelled,
    expired: r.expired,
    waitMedian: minutes(r.waitMedian),
    waitP90: minutes(r.waitP90),
    serviceMedian: minutes(r.serviceMedian),
    serviceP90: minutes(r.serviceP90),
  }));
}
