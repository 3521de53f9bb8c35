import { defineMessages } from "../define";

/** The citizen's way after booking: printouts and calendar by status, and finding a booking again. */
export const citizenMessages = defineMessages({
  id: {
    "print.status": "Status: {status}",
    "print.void": "Bukti ini tidak berlaku lagi untuk check-in.",
    "print.moved": "Jadwal sudah diubah (sebelumnya {date}, pukul {time}). Yang berlaku jadwal di bukti ini.",
    "calendar.cancelledSummary": "DIBATALKAN: {summary}",
    "calendar.cancelledDescription": "Booking {reference} sudah dibatalkan. Kunjungan ini tidak berlaku.",
    "recover.title": "Cari booking dengan NIK dan nomor HP",
    "recover.intro": "Lupa kode booking? Masukkan NIK dan nomor HP yang dipakai saat booking. Kami tampilkan booking aktif Anda yang terdekat.",
    "recover.phoneHint": "Nomor HP yang diisi saat booking.",
    "recover.submit": "Cari booking saya",
    "recover.notFound": "Booking aktif tidak ditemukan. Periksa kembali NIK dan nomor HP yang dipakai saat booking.",
    "recover.fromDuplicate": "Lupa kode bookingnya? Cari dengan NIK dan nomor HP",
    "recover.link": "Lupa kode booking?",
  },
  en: {
    "print.status": "Status: {status}",
    "print.void": "This confirmation can no longer be used to check in.",
    "print.moved": "Rescheduled (was {date} at {time}). The schedule on this printout applies.",
    "calendar.cancelledSummary": "CANCELLED: {summary}",
    "calendar.cancelledDescription": "Booking {reference} has been cancelled. This visit is off.",
    "recover.title": "Find a booking by NIK and mobile number",
    "recover.intro": "Forgot the booking code? Enter the NIK and the mobile number used for the booking. We show your nearest active booking.",
    "recover.phoneHint": "The mobile number given when booking.",
    "recover.submit": "Find my booking",
    "recover.notFound": "No active booking found. Check the NIK and the mobile number used for the booking.",
    "recover.fromDuplicate": "Lost the booking code? Find it with your NIK and mobile number",
    "recover.link": "Forgot the booking code?",
  },
});
