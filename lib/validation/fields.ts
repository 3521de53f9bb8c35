import { z } from "zod";
import { isServiceDate, localDate } from "../dates";
import { isValidName, normalizeName } from "../name";
import { normalizeNik, parseNik, type NikProblem } from "../nik";
import { normalizePhone } from "../phone";
import { isReference, normalizeReference } from "../reference";

const NIK_PROBLEM_KEY = {
  format: "field.nik.format",
  province: "field.nik.province",
  region: "field.nik.region",
  birth_date: "field.nik.birthDate",
  serial: "field.nik.serial",
} as const satisfies Record<NikProblem, string>;

/** Indonesia's calendar date, for rejecting birth dates in the future. */
function todayInIndonesia(): string {
  return localDate(new Date(), "Asia/Jakarta");
}

/** A structurally valid NIK, normalised to 16 digits. */
export const NikSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const result = parseNik(value, todayInIndonesia());
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: NIK_PROBLEM_KEY[result.problem] });
      return z.NEVER;
    }
    return result.value.nik;
  });

/** Just the 16 digits, for look-ups where the structure rules add nothing but a hint to a guesser. */
export const NikDigitsSchema = z
  .string()
  .max(40)
  .transform((v) => normalizeNik(v))
  .refine((v) => /^\d{16}$/.test(v), { error: "field.nik.format" });

export const NameSchema = z
  .string()
  .max(200)
  .transform(normalizeName)
  // An empty name is only "required", not also "invalid".
  .refine((v) => v.length > 0, { error: "field.required", abort: true })
  .refine(isValidName, { error: "field.name.invalid" });

export const PhoneSchema = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: value.trim() ? "field.phone.invalid" : "field.required" });
      return z.NEVER;
    }
    return phone;
  });

/** Optional: absent, null or an empty string all mean "none". */
export const OptionalEmailSchema = z.preprocess(
  (v) => (v === null ? undefined : v),
  z
    .string()
    .max(254)
    .transform((v) => v.trim())
    .pipe(z.union([z.literal(""), z.email({ error: "field.email.invalid" })]))
    .transform((v) => (v === "" ? undefined : v.toLowerCase()))
    .optional(),
);

export const SlugSchema = z.string().max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "field.invalid" });

/** The one parser of a visit's date, for the API, the pages and the actions: a real `YYYY-MM-DD` in range. */
export const DateSchema = z.string().max(10).refine(isServiceDate, { error: "field.date.invalid" });

/** A time of day as `HH:MM` (a database's `HH:MM:00` accepted too); `errorKey` says what it is for. */
export const timeOfDay = (errorKey: string) =>
  z
    .string()
    .max(8)
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, { error: errorKey })
    .transform((v) => v.slice(0, 5));

/** A session is named by its start time, `HH:MM`; a weekly session's end is written the same way. */
export const SessionSchema = timeOfDay("field.session.invalid");

/** A date + session chosen in the slot picker travels as one value: `2026-12-07_08:00`. */
export const SlotSchema = z
  .string()
  .max(20)
  .regex(/^[^_]+_[^_]+$/, { error: "slots.required" })
  .transform((v) => {
    const [date, session] = v.split("_");
    return { date: date!, session: session! };
  })
  .pipe(z.object({ date: DateSchema, session: SessionSchema }));

export const ReferenceSchema = z
  .string()
  .max(20)
  .transform(normalizeReference)
  .refine(isReference, { error: "field.reference.invalid" });

/** The last four digits of the booking's phone number: a second proof once a reference draws guesses. Empty = not given. */
export const PhoneLast4Schema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.replace(/\D/g, "") : v),
  z.string().regex(/^\d{4}$/, { error: "field.phoneLast4.invalid" }).optional(),
);
