import { z } from "zod";
import { daysBetween } from "../dates";
import { REPORT_GROUPS } from "../reports/types";
import { DateSchema, SlugSchema } from "./fields";

/** A year and a day at most: enough for an annual report, bounded for the database. */
const MAX_REPORT_DAYS = 366;

export const ReportQuerySchema = z
  .object({
    from: DateSchema,
    to: DateSchema,
    groupBy: z.enum(REPORT_GROUPS, { error: "field.invalid" }).default("day"),
    office: SlugSchema.optional(),
  })
  .superRefine((q, ctx) => {
    const span = daysBetween(q.from, q.to);
    if (span < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "report.field.toBeforeFrom" });
    else if (span >= MAX_REPORT_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "report.field.tooLong" });
  });
export type ReportQuery = z.output<typeof ReportQuerySchema>;
