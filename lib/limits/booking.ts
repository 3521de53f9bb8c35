import "server-only";
import { consumeRateLimit, consumeRateLimits, type Allowances } from "../dal/rate-limit";
import { getDayPlaces } from "../dal/day-places";
import { DEFAULT_OFFICE_SLUG } from "../dal/offices";
import { UNTRUSTED_CLIENT } from "../client-ip";

/**
 * The rate limits of the citizen's booking commands, the same for the web forms and the JSON API (the route
 * handlers and the server actions both call these). Requests per window and address.
 */
export const REQUEST_LIMITS = {
  createBooking: { limit: 30, windowSeconds: 600 },
  manageBooking: { limit: 60, windowSeconds: 600 },
  recoverBooking: { limit: 10, windowSeconds: 600 },
} as const;

/**
 * Without a trusted proxy every caller shares one bucket, so junk must not drain it: only well-formed
 * attempts count there (malformed ones cost no query and change nothing). Booking attempts for a date may
 * use `perPlace` times that day's places (at least `minimum`); look-ups get SHARED_BUCKET_FACTOR times the
 * per-address allowance. Behind a proxy (ANTREAN_TRUST_PROXY=1) each address gets its own allowance and
 * every request counts, junk included.
 */
export const SHARED_BOOKING_ALLOWANCE = { perPlace: 4, minimum: 50 } as const;
export const SHARED_BUCKET_FACTOR = 25;

/** A caller we cannot tell apart from others (no trusted proxy): limited through shared buckets. */
export const isShared = (ip: string) => ip === UNTRUSTED_CLIENT;

/**
 * A booking attempt that reaches the database write: a known address counts against its own allowance;
 * without one, against the date's shared allowance, which grows with the places the office offers that day.
 * The web form and the API share it. Counted (through createBookingAllowances, with the person's allowance)
 * by createBooking's one statement, so malformed input and refusals answered from memory (a session known
 * to be full, a closed date, the age rule) cost no round trip at all, and cannot drain anyone's allowance
 * either. The standby list's joins spend it alone.
 */
export async function limitBookingAddress(ip: string, input: { office?: string; date: string }): Promise<void> {
  const { key, limit } = await createBookingAllowance(ip, input);
  await consumeRateLimit({ key, limit, windowSeconds: REQUEST_LIMITS.createBooking.windowSeconds });
}

async function createBookingAllowance(ip: string, input: { office?: string; date: string }): Promise<{ key: string; limit: number }> {
  const { limit } = REQUEST_LIMITS.createBooking;
  if (!isShared(ip)) return { key: `api:create-booking:${ip}`, limit };
  const { perPlace, minimum } = SHARED_BOOKING_ALLOWANCE;
  const office = input.office ?? DEFAULT_OFFICE_SLUG;
  const allowance = Math.max(minimum, perPlace * (await getDayPlaces(office, input.date)));
  return { key: `api:create-booking:shared:${office}:${input.date}`, limit: allowance };
}

/** The person's keyed hashes, computed once per attempt: the booking stores them, the person's allowances key on them. */
export type PersonKeys = { nikHash: string; phoneHash: string };

/**
 * Booking attempts per person, whoever sends them and from wherever: a script that hammers one NIK or one
 * phone number is stopped without touching the crowd's shared allowance. Keyed by the NIK's and phone's
 * keyed hashes (no NIK in the table), the ones the booking computed (createBooking's `allowances` hands
 * them over). Generous for a person: typos and full sessions cost one each.
 */
export const PERSON_LIMITS = { nik: 10, phone: 20, windowSeconds: 600 } as const;

/** The person's allowances alone: an API key's booking, which has no per-address limit. */
export async function personBookingAllowances(person: PersonKeys): Promise<Allowances> {
  return { entries: personAllowances(person), windowSeconds: PERSON_LIMITS.windowSeconds };
}

function personAllowances({ nikHash, phoneHash }: PersonKeys): { key: string; limit: number }[] {
  return [
    { key: `api:create-booking:nik:${nikHash}`, limit: PERSON_LIMITS.nik },
    { key: `api:create-booking:phone:${phoneHash}`, limit: PERSON_LIMITS.phone },
  ];
}

/**
 * A citizen's booking attempt (web form and API): the address's (or the date's shared) allowance and the
 * person's, counted together (their windows are the same) by the booking statement itself, or for a
 * lottery entry by one statement of their own; 429 if any is used up.
 */
export function createBookingAllowances(ip: string, input: { office?: string; date: string }): (person: PersonKeys) => Promise<Allowances> {
  return async (person) => ({ entries: [await createBookingAllowance(ip, input), ...personAllowances(person)], windowSeconds: SAME_WINDOW });
}

/** The address's and the person's windows, which a booking attempt counts together. */
const SAME_WINDOW: typeof PERSON_LIMITS.windowSeconds = REQUEST_LIMITS.createBooking.windowSeconds;

/**
 * One allowance in its two halves, bucket `api:<name>:…`: `perAddress` before parsing (every request of a
 * known address counts), `shared` after parsing (without a known address, well-formed requests share one
 * bucket of SHARED_BUCKET_FACTOR times the allowance). Each is a no-op for the other kind of caller.
 */
export function addressAllowance(name: string, rule: { limit: number; windowSeconds: number }) {
  return {
    perAddress: async (ip: string): Promise<void> => {
      if (isShared(ip)) return;
      await consumeRateLimit({ key: `api:${name}:${ip}`, limit: rule.limit, windowSeconds: rule.windowSeconds });
    },
    shared: async (ip: string): Promise<void> => {
      if (!isShared(ip)) return;
      await consumeRateLimit({ key: `api:${name}:${UNTRUSTED_CLIENT}`, limit: rule.limit * SHARED_BUCKET_FACTOR, windowSeconds: rule.windowSeconds });
    },
  };
}

/**
 * Finding a booking by NIK + phone, per person whoever asks and from wherever: the phone number and the NIK
 * each allow RECOVER_PERSON_LIMIT attempts per window, so guessing the four serial digits of a known
 * person's NIK (or trying NIKs against their phone) is stopped however many addresses the guesser has.
 */
export const RECOVER_PERSON_LIMIT = 10;

export async function limitPersonRecoverBooking({ nikHash, phoneHash }: PersonKeys): Promise<void> {
  await consumeRateLimits({
    entries: [
      { key: `api:recover-booking:nik:${nikHash}`, limit: RECOVER_PERSON_LIMIT },
      { key: `api:recover-booking:phone:${phoneHash}`, limit: RECOVER_PERSON_LIMIT },
    ],
    windowSeconds: REQUEST_LIMITS.recoverBooking.windowSeconds,
  });
}

/** Look-up, cancel and reschedule share one allowance. */
const manageBooking = addressAllowance("manage-booking", REQUEST_LIMITS.manageBooking);
export const limitManageBooking = manageBooking.perAddress;
export const limitSharedManageBooking = manageBooking.shared;

/**
 * Finding a booking by NIK + phone has its own, smaller allowance per known address, every attempt counted,
 * since each one is a guess at a pair (no reference to guard yet).
 */
const recoverBooking = addressAllowance("recover-booking", REQUEST_LIMITS.recoverBooking);
export const limitRecoverBooking = recoverBooking.perAddress;
export const limitSharedRecoverBooking = recoverBooking.shared;
