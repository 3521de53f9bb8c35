import { z } from "zod";
import { DateSchema, NameSchema, NikDigitsSchema, NikSchema, PhoneSchema, ReferenceSchema, SessionSchema, SlugSchema } from "./fields";

/** Joining the standby list of a full date (issue 9): the API's body and the form's fields. */
export const JoinStandbySchema = z.object({
  office: SlugSchema.optional(),
  service: SlugSchema,
  date: DateSchema,
  /** Only this session; absent (or empty, from the form) for any session of the day. */
  session: z.preprocess((v) => (v === "" || v === null ? undefined : v), SessionSchema.optional()),
  nik: NikSchema,
  name: NameSchema,
  phone: PhoneSchema,
});
export type JoinStandbyInput = z.output<typeof JoinStandbySchema>;

/** The form adds the consent to the use of the data for this list and its messages. */
export const JoinStandbyFormSchema = JoinStandbySchema.extend({
  consent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { error: "field.consent.required" })),
});

export const LookupStandbySchema = z.object({ reference: ReferenceSchema, nik: NikDigitsSchema });
export type LookupStandbyInput = z.output<typeof LookupStandbySchema>;

/** Accepting needs the whole NIK (the booking keeps it encrypted), checked like a booking's. */
export const AcceptStandbySchema = z.object({ nik: NikSchema });
