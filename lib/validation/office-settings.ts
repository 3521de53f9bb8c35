import { z } from "zod";
import { checkbox, optionalText, OptionalUrlSchema, requiredInt, requiredText } from "./admin-fields";
import { timeOfDay } from "./fields";

/**
 * The office's tunables as the admin's settings form sends them. Each bound mirrors a CHECK constraint on
 * `offices` (db/schema/offices.ts, migrations 0000 and 0012), so a value the form accepts the database accepts,
 * and the database still refuses anything that gets past this.
 */
const TimeSchema = timeOfDay("field.time.invalid");

/** The whole-number settings' bounds (min, max), which the settings page also shows as each field's range. */
export const SETTING_RANGES = {
  dailyCap: [0, 10_000_000],
  walkInReservePercent: [0, 100],
  bookingDaysAhead: [1, 90],
  bookingCutoffDaysBefore: [0, 90],
  phoneDailyLimit: [1, 50],
  checkInOpensMinutes: [0, 600],
  checkInGraceMinutes: [0, 240],
  noShowAfterCalls: [1, 10],
  nearTurnAhead: [0, 50],
  retentionDays: [30, 3650],
  releaseDelayMinutes: [0, 1440],
  standbyOfferMinutes: [5, 1440],
  priorityRebookPercent: [0, 100],
  powDifficulty: [1, 1_000_000],
  lotteryWindowMinutes: [1, 1440],
} as const satisfies Record<string, readonly [number, number]>;
export type RangedSetting = keyof typeof SETTING_RANGES;
const ranged = (name: RangedSetting) => {
  const [min, max] = SETTING_RANGES[name];
  return requiredInt(min, max);
};

const SETTINGS_SHAPE = {
  name: requiredText(200),
  shortName: requiredText(60),
  address: optionalText(500, { multiline: true }),
  website: OptionalUrlSchema,
  dailyCap: ranged("dailyCap"),
  walkInReservePercent: ranged("walkInReservePercent"),
  bookingDaysAhead: ranged("bookingDaysAhead"),
  bookingOpensAt: TimeSchema,
  bookingCutoffDaysBefore: ranged("bookingCutoffDaysBefore"),
  bookingCutoffAt: TimeSchema,
  phoneDailyLimit: ranged("phoneDailyLimit"),
  allowSeveralServicesPerDay: checkbox,
  checkInOpensMinutes: ranged("checkInOpensMinutes"),
  checkInGraceMinutes: ranged("checkInGraceMinutes"),
  lateArrivalPolicy: z.enum(["back_of_queue", "refuse"], { error: "field.invalid" }),
  noShowAfterCalls: ranged("noShowAfterCalls"),
  nearTurnAhead: ranged("nearTurnAhead"),
  isPriorityEnabled: checkbox,
  retentionDays: ranged("retentionDays"),
  releaseDelayMinutes: ranged("releaseDelayMinutes"),
  standbyOfferMinutes: ranged("standbyOfferMinutes"),
  priorityRebookPercent: ranged("priorityRebookPercent"),
  powDifficulty: ranged("powDifficulty"),
  isLotteryEnabled: checkbox,
  lotteryWindowMinutes: ranged("lotteryWindowMinutes"),
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
