import type { Translator } from "@/lib/i18n/translate";

/** The kiosk's words, resolved on the server in the screen's language and handed to the client parts. */
export function kioskLabels(t: Translator) {
  return {
    title: t("devices.kiosk.title"),
    intro: t("devices.kiosk.intro"),
    reference: t("devices.kiosk.reference"),
    referenceHint: t("devices.kiosk.referenceHint"),
    nik: t("devices.kiosk.nik"),
    nikHint: t("devices.kiosk.nikHint"),
    submit: t("devices.kiosk.submit"),
    keypad: t("devices.kiosk.keypad"),
    backspace: t("devices.kiosk.backspace"),
    clear: t("devices.kiosk.clear"),
    clearReference: t("devices.kiosk.clearReference"),
    clearNik: t("devices.kiosk.clearNik"),
    language: t("devices.kiosk.language"),
    /** The other language's name, in that language: what the switch offers. */
    switchTo: t("lang.switchTo"),
    errorTitle: t("devices.kiosk.errorTitle"),
    successTitle: t("devices.kiosk.successTitle"),
    yourNumber: t("devices.kiosk.yourNumber"),
    waitForCall: t("devices.kiosk.waitForCall"),
    print: t("devices.kiosk.print"),
    done: t("devices.kiosk.done"),
    returning: t("devices.kiosk.returning"),
    help: t("devices.kiosk.help"),
    survey: t("kioskSurvey.open"),
    scanPrompt: t("devices.announce.scanPrompt"),
    nikPrompt: t("devices.announce.nikPrompt"),
    loading: t("common.loading"),
    slip: {
      service: t("devices.slip.service"),
      date: t("devices.slip.date"),
      session: t("devices.slip.session"),
      reference: t("devices.slip.reference"),
      nik: t("devices.slip.nik"),
      checkedIn: t("devices.slip.checkedIn"),
      qr: t("devices.slip.qr"),
    },
  };
}

export type KioskLabels = ReturnType<typeof kioskLabels>;
