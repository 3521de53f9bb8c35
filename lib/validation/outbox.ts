import { z } from "zod";
import { DateSchema } from "./fields";

export const OutboxQuerySchema = z.object({ date: DateSchema.optional().catch(undefined) });
export const ResendMessageSchema = z.object({ messageId: z.uuid({ error: "field.invalid" }) });
