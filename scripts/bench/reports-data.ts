import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import type { TestOffice } from "@/tests/helpers/fixtures";

/**
 * A year of an office's visits in SQL: statuses, channels, services and counters mixed, a call for every
 * called visit, a survey sheet for one served visit in ten, an audit row per booking and a reschedule for one
 * online booking in thirty. Spread over 365 days from 1 January 2026.
 */
export async function generate(handle: DatabaseHandle, t: TestOffice, bookings: number): Promise<void> {
  const [c1, c2] = t.counterIds;
  await handle.db.execute(sql`
    insert into bookings (reference, office_id, service_id, service_date, session_starts_at, session_ends_at, queue_letter, queue_seq,
                          status, channel, nik_masked, checked_in_at, called_at, serving_started_at, finished_at, cancelled_at, counter_id, created_at)
    select 'R' || lpad(g::text, 7, '0'), ${t.office.id}, (array[${t.ktp.id}, ${t.kia.id}, ${t.kk.id}]::uuid[])[1 + g % 3],
           d, s, s + interval '1 hour', (array['A', 'B', 'C'])[1 + g % 3], g,
           st::booking_status, (array['online', 'online', 'online', 'assisted', 'walk_in'])[1 + g % 5]::booking_channel, '3271********0001',
           case when st in ('done', 'no_show', 'checked_in') then arrive end,
           case when st in ('done', 'no_show') then arrive + (g % 40) * interval '1 minute' end,
           case when st = 'done' then arrive + (g % 40 + 1) * interval '1 minute' end,
           case when st = 'done' then arrive + (g % 40 + 5 + g % 17) * interval '1 minute' end,
           case when st = 'cancelled' then created - interval '1 hour' end,
           case when st in ('done', 'no_show') then (array[${c1}, ${c2}]::uuid[])[1 + g % 2] end,
           created
    from generate_series(1, ${bookings}) g,
         lateral (select date '2026-01-01' + (g % 365) as d, time '08:00' + (g % 6) * interval '1 hour' as s) x,
         lateral (select (array['done','done','done','done','done','done','done','done','done','done','done','done','done','done',
                                'no_show','expired','cancelled','cancelled','booked','checked_in'])[1 + g % 20] as st,
                         ((d + s)::timestamp at time zone 'Asia/Jakarta') + (g % 50) * interval '1 minute' as arrive,
                         ((d - 1 + time '09:00')::timestamp at time zone 'Asia/Jakarta') + (g % 600) * interval '1 second' as created) y
  `);
  await handle.db.execute(sql`
    insert into calls (office_id, booking_id, counter_id, kind, called_at)
    select office_id, id, counter_id, 'call', called_at from bookings where office_id = ${t.office.id} and called_at is not null
  `);
  await handle.db.execute(sql`
    insert into survey_responses (office_id, booking_id, service_id, counter_id, service_date, u1, u2, u3, u4, u5, u6, u7, u8, u9)
    select office_id, id, service_id, counter_id, service_date, 3 + queue_seq % 2, 3, 2 + queue_seq % 3, 4, 3, 3 + queue_seq % 2, 4, 2 + queue_seq % 2, 3
    from bookings where office_id = ${t.office.id} and status = 'done' and queue_seq % 10 = 0
  `);
  // The audit trail the fill minute reads: a create row per booking and, for one online booking in thirty,
  // a move from the day before (the booking's date is where it moved to).
  await handle.db.execute(sql`
    insert into audit_logs (office_id, actor_type, action, booking_id, created_at)
    select office_id, 'citizen', 'booking.create', id, created_at from bookings where office_id = ${t.office.id}
  `);
  await handle.db.execute(sql`
    insert into audit_logs (office_id, actor_type, action, booking_id, details, created_at)
    select office_id, 'citizen', 'booking.reschedule', id,
           jsonb_build_object('from', jsonb_build_object('date', (service_date - 1)::text, 'session', '08:00'),
                              'to', jsonb_build_object('date', service_date::text, 'session', to_char(session_starts_at, 'HH24:MI'))),
           created_at + interval '2 minutes'
    from bookings where office_id = ${t.office.id} and channel = 'online' and queue_seq % 30 = 7
  `);
  await handle.db.execute(sql`analyze`);
}
