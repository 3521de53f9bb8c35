"use server";

import { revalidatePath } from "next/cache";
import QRCode from "qrcode";
import { createDevice, reissueDeviceToken, revokeDevice, type DeviceDTO } from "../dal/devices";
import { getPublicSite } from "../env";
import { CreateDeviceSchema, DeviceIdSchema } from "../validation/devices";
import { defineAction } from "./define-action";
import type { FormState } from "./form-state";

const DEVICES_PATH = "/staff/devices";

/** A form's state, plus the one-time activation link after a create or a reissue (shown once, never stored). */
export type DeviceFormState = Omit<FormState, "status"> & {
  status: FormState["status"] | "link" | "revoked";
  link?: { url: string; qrSvg: string; device: DeviceDTO };
};

/** The address the TV will open, on the configured public URL (never a request header). */
function activationUrl(token: string): string {
  const url = new URL("/device/activate", getPublicSite().origin);
  url.searchParams.set("token", token);
  return url.toString();
}

async function withLink(result: { device: DeviceDTO; token: string }): Promise<DeviceFormState> {
  const url = activationUrl(result.token);
  const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { status: "link", link: { url, qrSvg, device: result.device } };
}

export const createDeviceAction = defineAction(
  { permission: "devices.manage", schema: CreateDeviceSchema, echo: ["kind", "name"] },
  async (input, { actor }): Promise<DeviceFormState> => {
    const result = await createDevice(actor, input);
    revalidatePath(DEVICES_PATH);
    return withLink(result);
  },
);

/** A device's controls in one action; `intent` names the button, so each stays a plain form post. */
export const updateDeviceAction = defineAction(
  { permission: "devices.manage", schema: DeviceIdSchema },
  async ({ deviceId }, { actor, raw, t }): Promise<DeviceFormState> => {
    if (raw.intent === "reissue") {
      const result = await reissueDeviceToken(actor, { deviceId });
      revalidatePath(DEVICES_PATH);
      return withLink(result);
    }
    if (raw.intent !== "revoke") return { status: "idle" };
    const device = await revokeDevice(actor, { deviceId });
    revalidatePath(DEVICES_PATH);
    return { status: "revoked", message: t("devices.admin.revoked", { name: device.name }) };
  },
);
