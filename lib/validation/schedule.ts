import { z } from "zod";
import { DateSchema, SessionSchema, SlugSchema } from "./fields";

/** What to do with bookings a change would leave over the cap: refuse (absent), keep them, or cancel and notify them. */
const OnConflictSchema = z.enum(["keep", "cancel_and_rebook"], { error: "schedule.field.onConflict" });
export type OnConflict = z.infer<typeof OnConflictSchema>;

/** Empty form fields mean "not given". */
const blankAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A public reason: shown to citizens, so short, one line, no markup characters worth worrying about. */
const ReasonSchema = z
  .string()
  .max(200)
  .transform((v) => v.replace(/\s+/g, " ").trim())
  .refine((v) => v.length > 0, { error: "field.required" });
const OptionalReasonSchema = z.preprocess(blankAsUndefined, z.string().max(200).transform((v) => v.replace(/\s+/g, " ").trim() || undefined).optional());

/** A whole number of places; a form's text is read as a number, but nothing else is (null is not 0). */
const CapacitySchema = z.preprocess(
  (v) => (typeof v === "string" ? (/^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v.trim() === "" ? undefined : v) : v),
  z
    .number({ error: (issue) => (issue.input === undefined || issue.input === null ? "field.required" : "schedule.field.capacity") })
    .int({ error: "schedule.field.capacity" })
    .min(0, { error: "schedule.field.capacity" })
    .max(10_000, { error: "schedule.field.capacity" }),
);

const target = {
  office: z.preprocess(blankAsUndefined, SlugSchema.optional()),
  date: DateSchema,
  session: z.preprocess(blankAsUndefined, SessionSchema.optional()),
};
const onConflict = z.preprocess(blankAsUndefined, OnConflictSchema.optional());

export const CloseScheduleSchema = z.object({ ...target, reason: ReasonSchema, reasonEn: OptionalReasonSchema, onConflict });
export type CloseScheduleInput = z.infer<typeof CloseScheduleSchema>;

export const ReopenScheduleSchema = z.object(target);
export type ReopenScheduleInput = z.infer<typeof ReopenScheduleSchema>;

export const SetCapacitySchema = z.object({ ...target, capacity: CapacitySchema, onConflict });
export type SetCapacityInput = z.infer<typeof SetCapacitySchema>;

export const OpenDaySchema = z.object({
  office: target.office,
  date: DateSchema,
  dailyCap: CapacitySchema,
  reason: ReasonSchema,
  reasonEn: OptionalReasonSchema,
  onConflict,
});
export type OpenDayInput = z.infer<typeof OpenDaySchema>;

const WeekdaySchema = z.preprocess((v) => (typeof v === "string" && /^[1-7]$/.test(v) ? Number(v) : v), z.number().int().min(1).max(7));

export const AddWeeklySessionSchema = z
  .object({ weekday: WeekdaySchema, startsAt: SessionSchema, endsAt: SessionSchema, capacity: CapacitySchema })
  .refine((v) => v.startsAt < v.endsAt, { error: "schedule.field.order", path: ["endsAt"] });
export type AddWeeklySessionInput = z.infer<typeof AddWeeklySessionSchema>;

export const WeeklySessionRefSchema = z.object({ weekday: WeekdaySchema, startsAt: SessionSchema, onConflict });
export const UpdateWeeklySessionSchema = WeeklySessionRefSchema.extend({ capacity: CapacitySchema });
export type WeeklySessionRef = z.infer<typeof WeeklySessionRefSchema>;
export type UpdateWeeklySessionInput = z.infer<typeof UpdateWeeklySessionSchema>;

export const MonthSchema = z.string().max(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "field.invalid" });

/** The pasted cuti bersama list: at most a year of lines, checked line by line by `parseClosureList`. */
export const ImportClosuresSchema = z.object({ lines: z.string().max(20_000, { error: "field.tooLong" }), onConflict });
