import { z } from "zod";
import { OUTAGE_REASON_CODES, type OutageReasonCode } from "../outage";
import { DateSchema, SessionSchema, SlugSchema } from "./fields";

const Text = z.string().trim().min(1, { error: "field.outage.reason" }).max(300, { error: "field.outage.reason" });
const optionalSlug = z.preprocess((v) => (v === "" || v === null ? undefined : v), SlugSchema.optional());
const optionalSession = z.preprocess((v) => (v === "" || v === null ? undefined : v), SessionSchema.optional());

/**
 * `POST /api/v1/admin/outages` and the staff form. `reason` is a preset code (siak_down, network_down,
 * blanko_empty: worded in both languages) or the office's own words; `reasonEn` optionally translates them.
 */
export const DeclareOutageSchema = z.object({
  office: optionalSlug,
  date: DateSchema,
  session: optionalSession,
  service: optionalSlug,
  reason: Text,
  reasonEn: z.preprocess((v) => (v === "" || v === null ? undefined : v), Text.optional()),
});
export type DeclareOutageInput = z.output<typeof DeclareOutageSchema>;

/** The staff form sends the preset as `reasonCode` and, for "other", the text: one shape for the DAL. */
export const OutageFormSchema = z
  .object({
    date: DateSchema,
    session: optionalSession,
    service: optionalSlug,
    reasonCode: z.enum(OUTAGE_REASON_CODES, { error: "field.outage.reason" }),
    reasonText: z.preprocess((v) => (v === "" ? undefined : v), Text.optional()),
    reasonEn: z.preprocess((v) => (v === "" ? undefined : v), Text.optional()),
  })
  .refine((v) => v.reasonCode !== "other" || v.reasonText, { error: "field.outage.reason", path: ["reasonText"] })
  .transform((v): DeclareOutageInput => ({
    date: v.date,
    session: v.session,
    service: v.service,
    reason: v.reasonCode === "other" ? v.reasonText! : v.reasonCode,
    reasonEn: v.reasonCode === "other" ? v.reasonEn : undefined,
  }));

export function isPresetReason(value: string): value is Exclude<OutageReasonCode, "other"> {
  return value === "siak_down" || value === "network_down" || value === "blanko_empty";
}

export const OutageIdSchema = z.object({ outageId: z.uuid({ error: "field.invalid" }) });
