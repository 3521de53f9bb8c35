"use server";

import QRCode from "qrcode";
import { getDeviceActor } from "../auth/device-session";
import { checkInAtKiosk, type KioskSlipDTO } from "../dal/kiosk";
import { AppError } from "../errors";
import { getTranslator } from "../i18n/server";
import { createTranslator, isLocale } from "../i18n/translate";
import { CheckInSchema } from "../validation/queue";
import { formDataToObject, parseInput } from "../validation/parse";
import { toQueueFormState, type QueueFormState } from "./queue-state";

export type KioskResult = { slip: KioskSlipDTO; qrSvg: string; notice: string | null };
export type KioskState = QueueFormState<KioskResult>;

/**
 * The kiosk's check-in, authenticated by the device cookie (no person is signed in). A plain form post, so
 * it also works before JavaScript loads; the NIK is never echoed back, only the reference on an error.
 */
export async function kioskCheckInAction(_prev: KioskState, formData: FormData): Promise<KioskState> {
  const raw = formDataToObject(formData);
  // The citizen at the kiosk may have switched its language for themselves: the form says which.
  const t = isLocale(raw.lang) ? createTranslator(raw.lang) : await getTranslator();
  try {
    const actor = await getDeviceActor("kiosk.check_in");
    if (!actor) throw new AppError("unauthorized", "devices.error.notActivated");
    const input = parseInput(CheckInSchema, raw);
    const slip = await checkInAtKiosk(actor, input, { locale: t.locale });
    // The QR on the slip is the booking reference, like the citizen's own confirmation: the counter scans either.
    const qrSvg = await QRCode.toString(slip.reference, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
    const notice = slip.alreadyCheckedIn ? t("devices.kiosk.already") : slip.late ? t("devices.kiosk.late") : null;
    return { status: "success", result: { slip, qrSvg, notice } };
  } catch (error) {
    return toQueueFormState(error, t, { reference: typeof raw.reference === "string" ? raw.reference.slice(0, 200) : "" });
  }
}
