/** The demo logins of the embedded default; printed at start and listed in the README. */
export const DEMO_STAFF = [
  { role: "admin", email: "admin@antrean.test", name: "Admin Demo", password: "Admin-Antrean-2026" },
  { role: "supervisor", email: "supervisor@antrean.test", name: "Kepala Seksi Demo", password: "Supervisor-Antrean-2026" },
  { role: "operator", email: "operator@antrean.test", name: "Petugas Loket Demo", password: "Operator-Antrean-2026" },
] as const;

/**
 * The training place's logins (embedded default only): rehearse check-in, calls and the display at any
 * hour without touching the real office. Printed at start and listed in the README.
 */
export const TRAINING_STAFF = [
  { role: "admin", email: "latihan.admin@antrean.test", name: "Admin Latihan", password: "Latihan-Admin-2026" },
  { role: "operator", email: "latihan.operator@antrean.test", name: "Petugas Latihan", password: "Latihan-Operator-2026" },
] as const;
