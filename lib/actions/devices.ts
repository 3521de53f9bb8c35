"use server";

import { revalidatePath } from "next/cache";
import QRCode from "qrcode";
import { requireStaffAction } from "../auth/session";
import { createDevice, reissueDeviceToken, revokeDevice, type DeviceDTO } from "../dal/devices";
import { getPublicSite } from "../env";
import { getTranslator } from "../i18n/server";
import { CreateDeviceSchema, DeviceIdSchema } from "../validation/devices";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

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

export async function createDeviceAction(_previous: DeviceFormState, formData: FormData): Promise<DeviceFormState> {
  const raw = formDataToObject(formData);
  try {
    const actor = await requireStaffAction("devices.manage");
    const result = await createDevice(actor, parseInput(CreateDeviceSchema, raw));
    revalidatePath(DEVICES_PATH);
    return await withLink(result);
  } catch (error) {
    return toFormState(error, await getTranslator(), { kind: String(raw.kind ?? ""), name: String(raw.name ?? "") });
  }
}

/** A device's controls in one action; `intent` names the button, so each stays a plain form post. */
export async function updateDeviceAction(_previous: DeviceFormState, formData: FormData): Promise<DeviceFormState> {
  try {
    const actor = await requireStaffAction("devices.manage");
    const { deviceId } = parseInput(DeviceIdSchema, formDataToObject(formData));
    const intent = formData.get("intent");
    if (intent === "reissue") {
      const result = await reissueDeviceToken(actor, deviceId);
      revalidatePath(DEVICES_PATH);
      return await withLink(result);
    }
    if (intent !== "revoke") return { status: "idle" };
    const device = await revokeDevice(actor, deviceId);
    revalidatePath(DEVICES_PATH);
    const t = await getTranslator();
    return { status: "revoked", message: t("devices.admin.revoked", { name: device.name }) };
  } catch (error) {
    return toFormState(error, await getTranslator(), {});
  }
}
