import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { Office } from "@/db/schema";
import { channelLimit } from "../../capacity";
import type { HourRow, QuotaRow } from "../../reports/types";
import { loadDayPlans } from "../calendar";
import { minutes, selectRows } from "./rows";
import { firstCalls } from "./visits";

/** Arrivals, waits and finished services by the office-local hour of check-in. */
export async function aggregateHours(db: Executor, params: { office: Office; from: string; to: string }): Promise<HourRow[]> {
  const { office, from, to } = params;
  const wait = sql`extract(epoch from (v.first_call_at - v.checked_in_at)) / 60`;
  const hasWait = sql`v.first_call_at is not null and v.first_call_at >= v.checked_in_at`;
  return (
    await selectRows<HourRow>(
      db,
      sql`
        with ${firstCalls({ officeId: office.id, from, to })},
        v as materialized (
          select b.status, b.checked_in_at, fc.first_call_at
          from bookings b left join fc on fc.booking_id = b.id
          where b.office_id = ${office.id} and b.service_date between ${from} and ${to} and b.checked_in_at is not null
        )
        select extract(hour from (v.checked_in_at at time zone ${office.timezone}))::int as hour,
               count(*)::int as "checkedIn",
               (percentile_cont(0.5) within group (order by ${wait}) filter (where ${hasWait}))::float8 as "waitMedian",
               (percentile_cont(0.9) within group (order by ${wait}) filter (where ${hasWait}))::float8 as "waitP90",
               (count(*) filter (where v.status = 'done'))::int as served
        from v group by 1 order by 1
      `,
    )
  ).map((r) => ({ ...r, waitMedian: minutes(r.waitMedian), waitP90: minutes(r.waitP90) }));
}

type UsageRaw = { date: string; used: number; onlineUsed: number };
type FillRaw = { date: string; filledAt: string };

/**
 * Each date's capacity (from the schedule, as booking saw it) against the places held: every booking but
 * the cancelled ones. The online places "filled up" at the first moment the online bookings held, counting
 * a cancellation as a place returned at the minute it was cancelled, reached the online limit.
 */
export async function aggregateQuota(db: Executor, params: { office: Office; from: string; to: string }): Promise<QuotaRow[]> {
  const { office, from, to } = params;
  const plans = await loadDayPlans(db, office, from, to);
  const limits = plans.map((p) => {
    const capacity = p.open ? Math.min(p.dayCap, p.sessions.reduce((sum, s) => sum + s.capacity, 0)) : 0;
    return { date: p.date, open: p.open, capacity, onlineCapacity: channelLimit(capacity, office.walkInReservePercent, "online") };
  });
  const usage = await selectRows<UsageRaw>(
    db,
    sql`
      select b.service_date::text as date,
             (count(*) filter (where b.status <> 'cancelled'))::int as used,
             (count(*) filter (where b.status <> 'cancelled' and b.channel = 'online'))::int as "onlineUsed"
      from bookings b
      where b.office_id = ${office.id} and b.service_date between ${from} and ${to}
      group by b.service_date
    `,
  );
  const openLimits = limits.filter((l) => l.open && l.onlineCapacity > 0);
  const fills =
    openLimits.length === 0
      ? []
      : await selectRows<FillRaw>(
          db,
          sql`
            with caps(date, cap) as (values ${sql.join(
              openLimits.map((l) => sql`(${l.date}::date, ${l.onlineCapacity}::int)`),
              sql`, `,
            )}),
            ev as (
              select b.service_date as date, b.created_at as at, 1 as delta from bookings b
              where b.office_id = ${office.id} and b.service_date between ${from} and ${to} and b.channel = 'online'
              union all
              select b.service_date, b.cancelled_at, -1 from bookings b
              where b.office_id = ${office.id} and b.service_date between ${from} and ${to} and b.channel = 'online' and b.cancelled_at is not null
            ),
            running as (
              select ev.date, ev.at, sum(ev.delta) over (partition by ev.date order by ev.at, ev.delta desc rows unbounded preceding) as held
              from ev
            )
            select r.date::text as date, to_char(min(r.at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "filledAt"
            from running r join caps on caps.date = r.date
            where r.held >= caps.cap
            group by r.date
          `,
        );
  const usageBy = new Map(usage.map((u) => [u.date, u]));
  const fillBy = new Map(fills.map((f) => [f.date, f.filledAt]));
  return limits.map((l) => ({
    ...l,
    used: usageBy.get(l.date)?.used ?? 0,
    onlineUsed: usageBy.get(l.date)?.onlineUsed ?? 0,
    filledAt: fillBy.get(l.date) ?? null,
  }));
}
