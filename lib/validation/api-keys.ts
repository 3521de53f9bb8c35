import { z } from "zod";
import { API_KEY_SCOPES } from "@/db/schema/api-keys";

export const CreateApiKeySchema = z.object({
  name: z
    .string()
    .max(100, { error: "field.tooLong" })
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { error: "field.required" }),
  scopes: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(API_KEY_SCOPES, { error: "field.invalid" })))
    .transform((v) => [...new Set(v)])
    .refine((v) => v.length > 0, { error: "apiKeys.field.scopes" }),
});
export type CreateApiKeyInput = z.output<typeof CreateApiKeySchema>;

export const ApiKeyIdSchema = z.object({ apiKeyId: z.uuid({ error: "field.invalid" }) });
