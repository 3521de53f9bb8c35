import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { ReportCounts, ReportGroup, ReportTimes } from "../../reports/types";
import { minutes, selectRows } from "./rows";

export type Dimension = "total" | "period" | "service" | "channel" | "counter" | "hour";

export type VisitAggregate = ReportCounts & ReportTimes & { dimension: Dimension; key: string | null };

type Raw = Omit<VisitAggregate, "dimension" | "waitMedian" | "waitP90" | "serviceMedian" | "serviceP90"> & {
  gPeriod: number;
  gService: number;
  gChannel: number;
  gCounter: number;
  gHour: number;
  /** [median, p90], or null when the group has no such interval. */
  waits: (number | null)[] | null;
  services: (number | null)[] | null;
};

/** `date_trunc` on the service date: a visit belongs to the period of the day it was booked for. */
export function periodExpression(groupBy: ReportGroup, column: SQL): SQL {
  return sql`date_trunc(${sql.raw(`'${groupBy}'`)}, ${column}::timestamp)::date`;
}

/**
 * Each visit's first call, from the office's calls in the range (with a day's margin either side: calls
 * happen on the service date, in any zone). One grouped scan of the calls index, joined by hash, instead of
 * a look-up per booking; the visits CTE is MATERIALIZED so PostgreSQL does not repeat it per use.
 */
function firstCalls(params: { officeId: string; from: string; to: string }): SQL {
  return sql`fc as (
    select c.booking_id, min(c.called_at) as first_call_at from calls c
    where c.office_id = ${params.officeId}
      and c.called_at >= (${params.from}::date - 1)::timestamp at time zone 'UTC'
      and c.called_at < (${params.to}::date + 2)::timestamp at time zone 'UTC'
    group by c.booking_id
  )`;
}

/**
 * Counts and times for one office and date range, in one pass over the range's bookings (the
 * office/date/status index), grouped four ways at once with GROUPING SETS: by period, service, channel and
 * the counter that last served, plus the total. Percentiles are exact (percentile_cont, both from one sort), not averaged.
 * With `hoursIn` (the office's zone) a fifth set groups the checked-in visits by the local hour of check-in
 * (dimension "hour"), from the same pass instead of a second scan of bookings and calls.
 */
export async function aggregateVisits(
  db: Executor,
  params: { officeId: string; from: string; to: string; groupBy: ReportGroup; hoursIn?: string },
): Promise<VisitAggregate[]> {
  const { officeId, from, to, groupBy, hoursIn } = params;
  const hour = sql`case when b.checked_in_at is not null then extract(hour from (b.checked_in_at at time zone ${hoursIn ?? "UTC"}))::int end`;
  const wait = sql`extract(epoch from (fc.first_call_at - b.checked_in_at))::float8 / 60`;
  const service = sql`extract(epoch from (b.finished_at - b.called_at))::float8 / 60`;
  const hasWait = sql`fc.first_call_at is not null and b.checked_in_at is not null and fc.first_call_at >= b.checked_in_at`;
  const hasService = sql`b.status = 'done' and b.called_at is not null and b.finished_at is not null`;
  const rows = await selectRows<Raw>(
    db,
    sql`
      -- Narrow rows (a date, enums, uuids, two floats): the grouping sets sort them once per set.
      with ${firstCalls({ officeId, from, to })},
      v as materialized (
        select b.status, b.channel, b.service_id, b.counter_id, b.checked_in_at is not null as checked,
               ${periodExpression(groupBy, sql`b.service_date`)} as period,
               case when ${hasWait} then ${wait} end as wait,
               case when ${hasService} then ${service} end as service${hoursIn ? sql`, ${hour} as hour` : sql``}
        from bookings b left join fc on fc.booking_id = b.id
        where b.office_id = ${officeId} and b.service_date between ${from} and ${to}
      )
      select grouping(v.period)::int as "gPeriod", grouping(v.service_id)::int as "gService",
             grouping(v.channel)::int as "gChannel", grouping(v.counter_id)::int as "gCounter", ${hoursIn ? sql`grouping(v.hour)::int` : sql`1`} as "gHour",
             coalesce(v.period::text, v.service_id::text, v.channel::text, v.counter_id::text${hoursIn ? sql`, v.hour::text` : sql``}) as key,
             count(*)::int as booked,
             (count(*) filter (where v.checked))::int as "checkedIn",
             (count(*) filter (where v.status = 'done'))::int as served,
             (count(*) filter (where v.status = 'no_show'))::int as "noShow",
             (count(*) filter (where v.status = 'cancelled'))::int as cancelled,
             (count(*) filter (where v.status = 'expired'))::int as expired,
             (percentile_cont(array[0.5, 0.9]) within group (order by v.wait) filter (where v.wait is not null))::float8[] as waits,
             (percentile_cont(array[0.5, 0.9]) within group (order by v.service) filter (where v.service is not null))::float8[] as services
      from v
      group by grouping sets ((v.period), (v.service_id), (v.channel), (v.counter_id), ${hoursIn ? sql`(v.hour), ` : sql``}())
    `,
  );
  // The hour set's null group is the visits never checked in: not an hour of arrival.
  return rows.filter((r) => !(hoursIn && r.gHour === 0 && r.key === null)).map((r) => ({
    dimension:
      r.gPeriod === 0 ? "period" : r.gService === 0 ? "service" : r.gChannel === 0 ? "channel" : r.gCounter === 0 ? "counter" : hoursIn && r.gHour === 0 ? "hour" : "total",
    key: r.key,
    booked: r.booked,
    checkedIn: r.checkedIn,
    served: r.served,
    noShow: r.noShow,
    cancelled: r.cancelled,
    expired: r.expired,
    waitMedian: minutes(r.waits?.[0]),
    waitP90: minutes(r.waits?.[1]),
    serviceMedian: minutes(r.services?.[0]),
    serviceP90: minutes(r.services?.[1]),
  }));
}
