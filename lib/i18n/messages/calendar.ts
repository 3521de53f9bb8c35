import { defineMessages } from "../define";

export const calendarMessages = defineMessages({
  id: {
    "day.reason.holiday": "Libur: {name}",
    "day.reason.closed": "Tutup",
    "day.reason.closure": "Tutup: {name}",
    "day.reason.notAServiceDay": "Tidak ada layanan pada hari ini",
    "day.reason.bookingClosed": "Booking untuk tanggal ini sudah ditutup",
    "day.reason.notYetOpen": "Booking untuk tanggal ini belum dibuka",
    "day.reason.full": "Kuota penuh",
  },
  en: {
    "day.reason.holiday": "Holiday: {name}",
    "day.reason.closed": "Closed",
    "day.reason.closure": "Closed: {name}",
    "day.reason.notAServiceDay": "No service on this day",
    "day.reason.bookingClosed": "Booking for this date has closed",
    "day.reason.notYetOpen": "Booking for this date is not open yet",
    "day.reason.full": "Fully booked",
  },
});
