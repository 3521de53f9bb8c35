import { z } from "zod";

/**
 * The office's tunables as the admin's settings form sends them. Each bound mirrors a CHECK constraint on
 * `offices` (db/schema/offices.ts, migrations 0000 and 0012), so a value the form accepts the database accepts,
 * and the database still refuses anything that gets past this.
 */
const int = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z
      .number({ error: "field.required" })
      .int({ error: "field.number.integer" })
      .min(min, { error: "field.number.range" })
      .max(max, { error: "field.number.range" }),
  );

/** A checkbox: present ("on"/"true") or absent. */
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const TimeSchema = z
  .string()
  .max(8)
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, { error: "field.time.invalid" })
  .transform((v) => v.slice(0, 5));

const text = (max: number) =>
  z
    .string()
    .max(max, { error: "field.tooLong" })
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { error: "field.required" })
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: "field.invalid" });

const optionalText = (max: number) =>
  z
    .string()
    .max(max, { error: "field.tooLong" })
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .refine((v) => v === null || !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v), { error: "field.invalid" });

/** An http(s) address, or nothing. Never javascript: or data: (it is shown as a link to citizens). */
export const OptionalUrlSchema = z
  .string()
  .max(500, { error: "field.tooLong" })
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : null))
  .refine((v) => v === null || isHttpUrl(v), { error: "field.url.invalid" });

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const SETTINGS_SHAPE = {
  name: text(200),
  shortName: text(60),
  address: optionalText(500),
  website: OptionalUrlSchema,
  dailyCap: int(0, 10_000_000),
  walkInReservePercent: int(0, 100),
  bookingDaysAhead: int(1, 90),
  bookingOpensAt: TimeSchema,
  bookingCutoffDaysBefore: int(0, 90),
  bookingCutoffAt: TimeSchema,
  phoneDailyLimit: int(1, 50),
  allowSeveralServicesPerDay: checkbox,
  checkInOpensMinutes: int(0, 600),
  checkInGraceMinutes: int(0, 240),
  lateArrivalPolicy: z.enum(["back_of_queue", "refuse"], { error: "field.invalid" }),
  noShowAfterCalls: int(1, 10),
  nearTurnAhead: int(0, 50),
  isPriorityEnabled: checkbox,
  retentionDays: int(30, 3650),
  releaseDelayMinutes: int(0, 1440),
  standbyOfferMinutes: int(5, 1440),
  priorityRebookPercent: int(0, 100),
  powDifficulty: int(1, 1_000_000),
  isLotteryEnabled: checkbox,
  lotteryWindowMinutes: int(1, 1440),
  observesNationalHolidays: checkbox,
};
export const OFFICE_SETTING_KEYS = Object.keys(SETTINGS_SHAPE) as (keyof typeof SETTINGS_SHAPE)[];

export const OfficeSettingsSchema = z
  .object(SETTINGS_SHAPE)
  // A window that closes before it opens would offer no date at all.
  .refine((s) => s.bookingCutoffDaysBefore <= s.bookingDaysAhead, {
    path: ["bookingCutoffDaysBefore"],
    error: "field.settings.cutoffAfterWindow",
  });
export type OfficeSettingsInput = z.output<typeof OfficeSettingsSchema>;
