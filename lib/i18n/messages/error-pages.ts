import { defineMessages } from "../define";
import { publicErrorPageMessages } from "./error-pages-public";

/**
 * The error pages' words. Read by client components too (an error page cannot ask the server, which may be
 * what failed), so this file imports only the citizen part (error-pages-public.ts) and stays small.
 */
export const errorPageMessages = defineMessages({
  id: {
    ...publicErrorPageMessages.id,
    "errorPage.staff.body": "Halaman ini gagal dimuat. Data yang sudah tersimpan tidak hilang; tindakan terakhir Anda mungkin belum tersimpan, periksa lagi setelah mencoba ulang.",
    "errorPage.staff.report": "Jika terulang, laporkan ke admin dengan kode: {code}",
    "errorPage.staff.home": "Ke halaman Hari ini",
    "errorPage.kiosk.body": "Check-in mandiri sedang bermasalah. Silakan menuju loket untuk check-in dengan petugas.",
    "errorPage.device.retrying": "Layar mencoba lagi sendiri dalam {seconds} detik.",
    "errorPage.display.body": "Layar panggilan sedang bermasalah. Perhatikan panggilan dari petugas loket.",
  },
  en: {
    ...publicErrorPageMessages.en,
    "errorPage.staff.body": "This page failed to load. Saved data is not lost; your last action may not have been saved, so check it after trying again.",
    "errorPage.staff.report": "If this happens again, tell the administrator this code: {code}",
    "errorPage.staff.home": "Go to Today",
    "errorPage.kiosk.body": "Self check-in is having a problem. Please go to a counter to check in with staff.",
    "errorPage.device.retrying": "The screen tries again by itself in {seconds} seconds.",
    "errorPage.display.body": "The call display is having a problem. Please listen for calls from the counter staff.",
  },
});
