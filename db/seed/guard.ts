/**
 * Demo data (and demo passwords) only ever go into the embedded database or a PostgreSQL on this machine,
 * unless ANTREAN_ALLOW_REMOTE_SEED=1 says otherwise.
 */
export function assertSeedTargetIsLocal(): void {
  const url = process.env.DATABASE_URL;
  if (!url || process.env.ANTREAN_ALLOW_REMOTE_SEED === "1") return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to seed demo data into ${host}: set ANTREAN_ALLOW_REMOTE_SEED=1 if you mean it.`);
  }
}
