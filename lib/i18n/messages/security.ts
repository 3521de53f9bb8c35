import { defineMessages } from "../define";

/** Abuse protection as staff and citizens meet it: limits, sessions, locks. */
export const securityMessages = defineMessages({
  id: {
    "security.noTrustedProxy":
      "Batas per alamat IP tidak aktif: ANTREAN_TRUST_PROXY belum diatur, jadi semua pengunjung berbagi satu batas. Jalankan aplikasi di belakang reverse proxy dan atur ANTREAN_TRUST_PROXY=1.",
  },
  en: {
    "security.noTrustedProxy":
      "Per-address limits are off: ANTREAN_TRUST_PROXY is not set, so every visitor shares one limit. Run the app behind a reverse proxy and set ANTREAN_TRUST_PROXY=1.",
  },
});
