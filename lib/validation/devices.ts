import { z } from "zod";

const DEVICE_KINDS = ["display", "kiosk"] as const;
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
