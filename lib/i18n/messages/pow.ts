import { defineMessages } from "../define";

/** Proof of work (ALTCHA) and its no-JavaScript wait, as citizens and API clients meet them. */
export const powMessages = defineMessages({
  id: {
    "pow.error.missing": "Pemeriksaan keamanan belum selesai. Tunggu sebentar lalu kirim lagi.",
    "pow.error.invalid": "Pemeriksaan keamanan tidak sah. Muat ulang halaman lalu kirim lagi.",
    "pow.error.expired": "Pemeriksaan keamanan sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi.",
    "pow.error.replayed": "Pemeriksaan keamanan ini sudah dipakai. Muat ulang halaman lalu kirim lagi.",
    "pow.checking": "Memeriksa keamanan di latar belakang…",
    "pow.wait.title": "Satu langkah lagi",
    "pow.wait.body":
      "Agar adil bagi semua warga, setiap booking tanpa JavaScript menunggu {seconds} detik. Data Anda sudah tersimpan di formulir ini. Tekan tombol di bawah setelah pukul {time}.",
  },
  en: {
    "pow.error.missing": "The security check has not finished. Wait a moment and send again.",
    "pow.error.invalid": "The security check is not valid. Reload the page and send again.",
    "pow.error.expired": "The security check has expired. Reload the page and send again.",
    "pow.error.replayed": "This security check has already been used. Reload the page and send again.",
    "pow.checking": "Running a security check in the background…",
    "pow.wait.title": "One more step",
    "pow.wait.body":
      "To be fair to everyone, each booking without JavaScript waits {seconds} seconds. Your details are kept in this form. Press the button below after {time}.",
  },
});
