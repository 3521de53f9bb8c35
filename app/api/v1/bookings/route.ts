import { z } from "zod";
import { hasAuthorization, requireApiKey } from "@/lib/api/api-key";
import { readJsonObject } from "@/lib/api/body";
import { toApiBooking } from "@/lib/api/booking-json";
import { apiRoute } from "@/lib/api/handler";
import { toApiLotteryEntry } from "@/lib/api/lottery-json";
import { createBookingAllowances, personBookingAllowances } from "@/lib/limits/booking";
import { submitBooking, type BookingOutcome } from "@/lib/dal/lottery/submit";
import { DEFAULT_OFFICE_SLUG } from "@/lib/dal/offices";
import { checkBookingPow, spendBookingPow } from "@/lib/pow/gate";
import { CreateBookingSchema } from "@/lib/validation/booking";
import { parseInput } from "@/lib/validation/parse";

/** Integrations may record that the person agreed to the use of their data, as the web form does. */
const ApiCreateBookingSchema = CreateBookingSchema.extend({ consent: z.boolean().optional() });

const WHERE = "POST /api/v1/bookings";

/**
 * Books a visit: 201 with the booking, 422 for bad input, 409 when the rules say no. Anonymous callers
 * send a solved ALTCHA challenge (`altcha`, from GET /api/v1/challenge; 403 `challenge` without one);
 * an API key with the `booking` scope skips it and has its own limit instead of the per-address ones.
 * The limits are counted by the data layer's booking statement itself (`allowances`); the proof is spent just
 * before it (`beforeWrite`). During a date's lottery
 * window (an office with the fair release on) the request is a lottery entry instead: 202 (docs/API.md).
 */
export const POST = apiRoute(WHERE, async (request, { t, ip, actor }) => {
  if (hasAuthorization(request)) {
    const keyActor = await requireApiKey(request, "booking", { ip, where: WHERE });
    const input = parseInput(ApiCreateBookingSchema, await readJsonObject(request));
    return answer(await submitBooking(keyActor, input, { locale: t.locale, allowances: personBookingAllowances }));
  }
  const body = await readJsonObject(request);
  const input = parseInput(ApiCreateBookingSchema, body);
  // Checked before anything is written for this attempt; spent only once every refusal from memory passed.
  const proof = await checkBookingPow(body.altcha, input.office ?? DEFAULT_OFFICE_SLUG);
  const outcome = await submitBooking(actor, input, {
    locale: t.locale,
    allowances: createBookingAllowances(ip, input),
    beforeWrite: () => spendBookingPow(proof),
  });
  return answer(outcome);
});

/** 201 with the booking; inside a date's lottery window 202 with the entry (`status: "entered"`, `drawAt`). */
function answer(outcome: BookingOutcome): Response {
  if (outcome.kind === "lottery") return Response.json(toApiLotteryEntry(outcome.entry), { status: 202 });
  return Response.json(toApiBooking(outcome.booking), { status: 201 });
}
