import { z } from "zod";
import { PRIORITY_REASONS } from "../queue-labels";
import { normalizeReference } from "../reference";
import { CreateBookingSchema } from "./booking";
import { DateSchema, NikDigitsSchema, ReferenceSchema, SlugSchema } from "./fields";

/**
 * A reference as typed, or as a QR scanner types it: the bare code, or a link whose last path segment is
 * the code (e.g. `…/booking/ABCD2345`).
 */
const ScannedReferenceSchema = z
  .string()
  .max(200)
  .transform((value) => {
    const trimmed = value.trim();
    const lastSegment = /^https?:\/\//i.test(trimmed) ? (trimmed.split(/[?#]/)[0]!.split("/").filter(Boolean).at(-1) ?? "") : trimmed;
    return normalizeReference(lastSegment);
  })
  .pipe(ReferenceSchema);

export const CheckInSchema = z.object({ reference: ScannedReferenceSchema, nik: NikDigitsSchema });
export type CheckInFormInput = z.output<typeof CheckInSchema>;

const PriorityReasonSchema = z.enum(PRIORITY_REASONS);

export const SetPrioritySchema = z.object({ reference: ReferenceSchema, reason: PriorityReasonSchema });

/** The search box of the day overview (a GET form): both optional, bad values ignored by the page. */
export const DayOverviewQuerySchema = z.object({
  date: DateSchema.optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
});

const CounterNumberSchema = z.coerce.number({ error: "field.invalid" }).int({ error: "field.invalid" }).min(1, { error: "field.invalid" }).max(999, { error: "field.invalid" });

export const CallNextSchema = z.object({ counter: CounterNumberSchema });

/** Which button of the counter was pressed. */
export const CounterIntentSchema = z.object({ intent: z.enum(["call", "recall", "start", "finish", "no_show", "transfer"], { error: "field.invalid" }) });

/** Recall, start, finish, no-show: a booking, acted on from a counter. */
export const CounterBookingSchema = z.object({ counter: CounterNumberSchema, reference: ReferenceSchema });

/** One select names the target: `counter:3` or `service:ktp-el`. */
export const TransferSchema = z.object({
  counter: CounterNumberSchema,
  reference: ReferenceSchema,
  target: z
    .string()
    .max(100)
    .transform((value, ctx) => {
      const [kind, rest = ""] = value.split(":", 2);
      if (kind === "counter" && /^\d{1,3}$/.test(rest)) return { toCounterNumber: Number(rest) };
      const slug = SlugSchema.safeParse(rest);
      if (kind === "service" && slug.success) return { toServiceSlug: slug.data };
      ctx.addIssue({ code: "custom", message: "queue.error.transferTarget" });
      return z.NEVER;
    }),
});

export const CancelByStaffSchema = z.object({
  reference: ReferenceSchema,
  reason: z
    .string()
    .max(200)
    .optional()
    .transform((v) => v?.trim() || undefined),
});

/** The assisted / walk-in form: the citizen's booking fields, the channel, and an optional priority reason. */
export const AssistBookingSchema = CreateBookingSchema.omit({ office: true }).extend({
  channel: z.enum(["assisted", "walk_in"], { error: "field.invalid" }),
  priorityReason: z.preprocess((v) => (v === "" || v === "none" ? undefined : v), PriorityReasonSchema.optional()),
  /** Staff saw the document that lets a younger person have the service (a marriage book for a KTP-el). */
  ageException: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).optional(),
});
