import { defineMessages } from "../define";

/** Abuse protection as staff and citizens meet it: limits, sessions, locks. */
export const securityMessages = defineMessages({
  id: {
    "security.noTrustedProxy":
      "Batas per alamat IP tidak aktif: ANTREAN_TRUST_PROXY belum diatur, jadi semua pengunjung berbagi satu batas. Jalankan aplikasi di belakang reverse proxy dan atur ANTREAN_TRUST_PROXY=1.",
    "error.phoneDigitsRequired":
      "Kode booking ini sudah beberapa kali dicoba dengan NIK yang salah. Untuk keamanan, masukkan juga 4 digit terakhir nomor HP yang dipakai saat booking.",
    "field.phoneLast4.required": "Masukkan 4 digit terakhir nomor HP yang dipakai saat booking.",
    "field.phoneLast4.invalid": "Masukkan tepat 4 angka.",
    "check.phoneLast4": "4 digit terakhir nomor HP",
    "check.phoneLast4Hint": "Nomor HP yang Anda isi saat booking, misalnya 7890 untuk 0812-3456-7890.",
    "security.endOtherSessions": "Keluar dari perangkat lain",
    "security.lockedUntil": "terkunci karena kata sandi salah sampai {time}",
    "security.unlock": "Buka kunci masuk",
    "security.otherSessionsEnded": "Sesi akun Anda di perangkat lain sudah diakhiri. Anda tetap masuk di perangkat ini.",
  },
  en: {
    "security.noTrustedProxy":
      "Per-address limits are off: ANTREAN_TRUST_PROXY is not set, so every visitor shares one limit. Run the app behind a reverse proxy and set ANTREAN_TRUST_PROXY=1.",
    "error.phoneDigitsRequired":
      "This booking code has been tried several times with a wrong NIK. For your safety, also enter the last 4 digits of the mobile number used when booking.",
    "field.phoneLast4.required": "Enter the last 4 digits of the mobile number used when booking.",
    "field.phoneLast4.invalid": "Enter exactly 4 digits.",
    "check.phoneLast4": "Last 4 digits of the mobile number",
    "check.phoneLast4Hint": "The number you gave when booking, e.g. 7890 for 0812-3456-7890.",
    "security.endOtherSessions": "Sign out on other devices",
    "security.lockedUntil": "locked after wrong passwords until {time}",
    "security.unlock": "Unlock sign-in",
    "security.otherSessionsEnded": "Your account's sessions on other devices have ended. You stay signed in on this one.",
  },
});
