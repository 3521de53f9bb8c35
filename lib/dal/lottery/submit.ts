import "server-only";
import { assertCan } from "../../auth/permissions";
import { getDb } from "../../db";
import { lotteryDrawAt } from "../../lottery/window";
import type { CreateBookingInput } from "../../validation/booking";
import type { BookingDTO } from "../booking-dto";
import type { BookingContext } from "../booking-rules";
import { createBooking } from "../bookings";
import { requireOffice } from "../offices";
import { requirePublicOffice } from "../places";
import { requireService } from "../services";
import { createLotteryEntry, type LotteryEntryDTO } from "./entries";

export type BookingOutcome = { kind: "booking"; booking: BookingDTO } | { kind: "lottery"; entry: LotteryEntryDTO };

/**
 * A booking request from a citizen's form or the JSON API: inside the date's lottery window (the office
 * turned the fair release on) it becomes a lottery entry, otherwise a booking. Staff bookings (assisted,
 * walk-in) are never entries: they use the walk-in reserve and the desk's own path.
 */
export async function submitBooking(input: CreateBookingInput & { consent?: boolean }, ctx: BookingContext): Promise<BookingOutcome> {
  if (ctx.actor.type === "citizen" || ctx.actor.type === "api_key") {
    const now = ctx.now ?? new Date();
    const db = await getDb();
    const office = ctx.actor.type === "citizen" ? await requirePublicOffice(input.office, db) : await requireOffice(input.office, db);
    if (lotteryDrawAt(input.date, now, office)) {
      if (ctx.actor.type === "api_key") assertCan(ctx.actor, "booking.assist", office.id);
      const service = await requireService(office, input.service, db);
      return { kind: "lottery", entry: await createLotteryEntry(input, office, service, { ...ctx, now }) };
    }
  }
  return { kind: "booking", booking: await createBooking(input, ctx) };
}
