"use server";

import QRCode from "qrcode";
import { checkInAtKiosk, type KioskSlipDTO } from "../dal/kiosk";
import { CheckInSchema } from "../validation/queue";
import { defineAction } from "./define-action";
import type { QueueFormState } from "./queue-state";

export type KioskResult = { slip: KioskSlipDTO; qrSvg: string; notice: string | null };
export type KioskState = QueueFormState<KioskResult>;

/**
 * The kiosk's check-in, authenticated by the device cookie (no person is signed in). A plain form post, so
 * it also works before JavaScript loads; the NIK is never echoed back, only the reference on an error.
 * The citizen at the kiosk may have switched its language for themselves: the form says which.
 */
export const kioskCheckInAction = defineAction(
  { permission: "kiosk.check_in", device: true, localeFromForm: true, schema: CheckInSchema, echo: ["reference"] },
  async (input, { actor, t }): Promise<KioskState> => {
    const slip = await checkInAtKiosk(actor, input, { locale: t.locale });
    // The QR on the slip is the booking reference, like the citizen's own confirmation: the counter scans either.
    const qrSvg = await QRCode.toString(slip.reference, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
    const notice = slip.alreadyCheckedIn ? t("devices.kiosk.already") : slip.late ? t("devices.kiosk.late") : null;
    return { status: "success", result: { slip, qrSvg, notice } };
  },
);
