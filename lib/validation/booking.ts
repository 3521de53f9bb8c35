import { z } from "zod";
import { DateSchema, NameSchema, NikDigitsSchema, NikSchema, OptionalEmailSchema, PhoneLast4Schema, PhoneSchema, ReferenceSchema, SessionSchema, SlugSchema } from "./fields";

const office = SlugSchema.optional();

/** A new booking, as the JSON API and the citizen's form both send it. */
export const CreateBookingSchema = z.object({
  office,
  service: SlugSchema,
  date: DateSchema,
  session: SessionSchema,
  nik: NikSchema,
  name: NameSchema,
  phone: PhoneSchema,
  email: OptionalEmailSchema,
});
export type CreateBookingInput = z.output<typeof CreateBookingSchema>;

/** Checkbox values from an HTML form: "on" (or "true"/"1") when ticked, absent otherwise. */
const ticked = z.preprocess((v) => v === "on" || v === "true" || v === "1" || v === true, z.literal(true, { error: "field.consent.required" }));

/** The citizen's form adds consent and the requirements checklist, both required. */
export const CreateBookingFormSchema = CreateBookingSchema.extend({
  consent: ticked,
  checklist: z.preprocess(
    (v) => v === "confirmed",
    z.literal(true, { error: "field.checklist.required" }),
  ),
});

/** What proves a citizen holds a booking beside its reference: the NIK, and the phone's last four digits once asked for. */
const ownerProof = { nik: NikDigitsSchema, phoneLast4: PhoneLast4Schema };

export const LookupBookingSchema = z.object({ reference: ReferenceSchema, ...ownerProof });
export type LookupBookingInput = z.output<typeof LookupBookingSchema>;

/** A lost reference: the NIK and the phone number used for the booking. */
export const RecoverBookingSchema = z.object({
  nik: NikDigitsSchema,
  phone: PhoneSchema,
});
export type RecoverBookingInput = z.output<typeof RecoverBookingSchema>;

export const RescheduleBookingSchema = z.object({ ...ownerProof, date: DateSchema, session: SessionSchema });
export type RescheduleBookingInput = z.output<typeof RescheduleBookingSchema>;

export const AvailabilityQuerySchema = z.object({
  office,
  service: SlugSchema,
  from: DateSchema.optional(),
  days: z.coerce.number({ error: "field.invalid" }).int({ error: "field.invalid" }).min(1, { error: "field.invalid" }).max(31, { error: "field.invalid" }).default(7),
});
