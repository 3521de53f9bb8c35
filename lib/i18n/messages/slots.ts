import { defineMessages } from "../define";

/** The compact date choice: a row of day tabs, then the chosen day's sessions. */
export const slotMessages = defineMessages({
  id: {
    "slots.datesLabel": "Pilih tanggal",
    "slots.dayOpen": "tersedia",
    "slots.dayClosed": "tutup",
    "slots.dayTab": "{date}: {status}",
    "slots.noLaterDate": "Belum ada tanggal sesudahnya yang masih ada kuota.",
    "slots.goToNext": "Pilih tanggal berikutnya yang masih ada kuota: {date}",
  },
  en: {
    "slots.datesLabel": "Choose a date",
    "slots.dayOpen": "available",
    "slots.dayClosed": "closed",
    "slots.dayTab": "{date}: {status}",
    "slots.noLaterDate": "No later date has places left yet.",
    "slots.goToNext": "Choose the next date with places: {date}",
  },
});
