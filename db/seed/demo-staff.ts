/** The demo logins of the embedded default; printed at start and listed in the README. */
export const DEMO_STAFF = [
  { role: "admin", email: "admin@antrean.test", name: "Admin Demo", password: "Admin-Antrean-2026" },
  { role: "supervisor", email: "supervisor@antrean.test", name: "Kepala Seksi Demo", password: "Supervisor-Antrean-2026" },
  { role: "operator", email: "operator@antrean.test", name: "Petugas Loket Demo", password: "Operator-Antrean-2026" },
] as const;
