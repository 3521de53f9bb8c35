import { z } from "zod";
import { DateSchema, ReferenceSchema } from "./fields";

const empty = (v: unknown) => (v === "" || v === undefined || (Array.isArray(v) && v.length === 0) ? undefined : Array.isArray(v) ? v[0] : v);

/** The audit viewer's filters, from the query string. Every one optional; a bad one is named, nothing is run. */
export const AuditQuerySchema = z
  .object({
    who: z.preprocess(empty, z.uuid({ error: "field.invalid" }).optional()),
    action: z.preprocess(empty, z.string().max(60, { error: "field.tooLong" }).regex(/^[a-z_]+(\.[a-z_]+)*$/, { error: "field.invalid" }).optional()),
    from: z.preprocess(empty, DateSchema.optional()),
    to: z.preprocess(empty, DateSchema.optional()),
    reference: z.preprocess(empty, ReferenceSchema.optional()),
    page: z.preprocess(
      (v) => (empty(v) === undefined ? 1 : Number(empty(v))),
      z.number({ error: "field.invalid" }).int({ error: "field.invalid" }).min(1, { error: "field.invalid" }).max(10_000, { error: "field.invalid" }),
    ),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], error: "field.date.invalid" });
export type AuditQuery = z.output<typeof AuditQuerySchema>;
