import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { Office } from "@/db/schema";
import { channelLimit } from "../../capacity";
import type { QuotaRow } from "../../reports/types";
import { loadDayPlans } from "../calendar";
import { selectRows } from "./rows";

/** How long before a date a booking for it may have been made and moved (booking_days_ahead is at most 90). */
const MOVE_LOOKBACK_DAYS = 92;

type UsageRaw = { date: string; used: number; onlineUsed: number };
type FillRaw = { date: string; filledAt: string };

/**
 * Each date's capacity (from the schedule, as booking saw it) against the places held: every booking but
 * the cancelled ones. The online places "filled up" at the first moment the online bookings held reached
 * the online limit, replaying every change in time: a booking takes a place on the date it was first made
 * for; a reschedule (from its audit row) returns that place and takes one on the new date at the minute of
 * the move; a cancellation returns the place at the minute it was cancelled.
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
            -- Moves between dates (same-date moves only change the session), online bookings only. A move
            -- happens before the visit and after the booking, so the range bounds its time (index on reschedules).
            moves as (
              select a.booking_id, a.created_at as at, (a.details->'from'->>'date')::date as from_date, (a.details->'to'->>'date')::date as to_date
              from audit_logs a join bookings b on b.id = a.booking_id
              where a.office_id = ${office.id} and a.action = 'booking.reschedule'
                and a.created_at >= ${from}::date - ${MOVE_LOOKBACK_DAYS}::int and a.created_at < ${to}::date + 2
                and b.channel = 'online' and a.details->'from'->>'date' <> a.details->'to'->>'date'
            ),
            first_move as (select distinct on (booking_id) booking_id, from_date from moves order by booking_id, at),
            ev as (
              -- A booking holds a place on the date it was first made for, from the minute it was made ...
              select b.service_date as date, b.created_at as at, 1 as delta from bookings b
              where b.office_id = ${office.id} and b.service_date between ${from} and ${to} and b.channel = 'online'
                and not exists (select 1 from first_move fm where fm.booking_id = b.id)
              union all
              select fm.from_date, b.created_at, 1 from first_move fm join bookings b on b.id = fm.booking_id
              where fm.from_date between ${from} and ${to}
              union all
              -- ... a move returns it there and takes one on the new date at the minute of the move ...
              select m.from_date, m.at, -1 from moves m where m.from_date between ${from} and ${to}
              union all
              select m.to_date, m.at, 1 from moves m where m.to_date between ${from} and ${to}
              union all
              -- ... and a cancellation returns it on the date the booking last had.
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
