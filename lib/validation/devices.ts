import { z } from "zod";
import { normalizeReference } from "../reference";
import { NikDigitsSchema, ReferenceSchema } from "./fields";

export const DEVICE_KINDS = ["display", "kiosk"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const CreateDeviceSchema = z.object({
  kind: z.enum(DEVICE_KINDS, { error: "field.device.kind" }),
  name: z
    .string()
    .max(80)
    .transform((v) => v.trim().replace(/\s+/g, " "))
    .refine((v) => v.length > 0, { error: "field.required" }),
});
export type CreateDeviceInput = z.output<typeof CreateDeviceSchema>;

export const DeviceIdSchema = z.object({ deviceId: z.uuid({ error: "field.invalid" }) });

/**
 * What a QR scanner types may be the bare reference or a link that ends with it
 * (`https://…/booking/ABCD-EFGH`): take the last path segment before any query.
 */
export function referenceFromScan(scanned: string): string {
  const withoutQuery = scanned.trim().split(/[?#]/)[0] ?? "";
  const last = withoutQuery.split("/").filter(Boolean).at(-1) ?? "";
  return normalizeReference(last);
}

export const KioskCheckInSchema = z.object({
  reference: z.string().max(300).transform(referenceFromScan).pipe(ReferenceSchema),
  nik: NikDigitsSchema,
});
export type KioskCheckInInput = z.output<typeof KioskCheckInSchema>;
