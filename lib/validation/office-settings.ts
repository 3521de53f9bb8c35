import { z } from "zod";
import { checkbox, optionalText, OptionalUrlSchema, requiredInt, requiredText } from "./admin-fields";
import { timeOfDay } from "./fields";

/**
 * The office's tunables as the admin's settings form sends them. Each bound mirrors a CHECK constraint on
 * `offices` (db/schema/offices.ts, migrations 0000 and 0012), so a value the form accepts the database accepts,
 * and the database still refuses anything that gets past this.
 */
const TimeSchema = timeOfDay("field.time.invalid");

const SETTINGS_SHAPE = {
  name: requiredText(200),
  shortName: requiredText(60),
  address: optionalText(500, { multiline: true }),
  website: OptionalUrlSchema,
  dailyCap: requiredInt(0, 10_000_000),
  walkInReservePercent: requiredInt(0, 100),
  bookingDaysAhead: requiredInt(1, 90),
  bookingOpensAt: TimeSchema,
  bookingCutoffDaysBefore: requiredInt(0, 90),
  bookingCutoffAt: TimeSchema,
  phoneDailyLimit: requiredInt(1, 50),
  allowSeveralServicesPerDay: checkbox,
  checkInOpensMinutes: requiredInt(0, 600),
  checkInGraceMinutes: requiredInt(0, 240),
  lateArrivalPolicy: z.enum(["back_of_queue", "refuse"], { error: "field.invalid" }),
  noShowAfterCalls: requiredInt(1, 10),
  nearTurnAhead: requiredInt(0, 50),
  isPriorityEnabled: checkbox,
  retentionDays: requiredInt(30, 3650),
  releaseDelayMinutes: requiredInt(0, 1440),
  standbyOfferMinutes: requiredInt(5, 1440),
  priorityRebookPercent: requiredInt(0, 100),
  powDifficulty: requiredInt(1, 1_000_000),
  isLotteryEnabled: checkbox,
  lotteryWindowMinutes: requiredInt(1, 1440),
  observesNationalHolidays: checkbox,
};
export const OFFICE_SETTING_KEYS = Object.keys(SETTINGS_SHAPE) as (keyof typeof SETTINGS_SHAPE)[];

/** A whole-number setting's bounds as the schema above checks them, for the settings page to show; none for other settings. */
export function settingRange(name: string): readonly [number, number] | undefined {
  const field: z.ZodType | undefined = SETTINGS_SHAPE[name as keyof typeof SETTINGS_SHAPE];
  if (!(field instanceof z.ZodPipe) || !(field.out instanceof z.ZodNumber)) return undefined;
  const { minValue, maxValue } = field.out;
  return minValue === null || maxValue === null ? undefined : [minValue, maxValue];
}

export const OfficeSettingsSchema = z
  .object(SETTINGS_SHAPE)
  // A window that closes before it opens would offer no date at all.
  .refine((s) => s.bookingCutoffDaysBefore <= s.bookingDaysAhead, {
    path: ["bookingCutoffDaysBefore"],
    error: "field.settings.cutoffAfterWindow",
  });
export type OfficeSettingsInput = z.output<typeof OfficeSettingsSchema>;
