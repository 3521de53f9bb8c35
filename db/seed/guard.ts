/**
 * Demo data (and demo passwords) only ever go into the embedded database or a PostgreSQL on this machine,
 * unless ANTREAN_ALLOW_REMOTE_SEED=1 says otherwise. The app passes its validated settings (lib/start-up.ts);
 * the command-line scripts read their environment.
 */
export function assertSeedTargetIsLocal(
  url: string | undefined = process.env.DATABASE_URL || undefined,
  allowRemote: boolean = process.env.ANTREAN_ALLOW_REMOTE_SEED === "1",
): void {
  if (!url || allowRemote) return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to seed demo data into ${host}: set ANTREAN_ALLOW_REMOTE_SEED=1 if you mean it.`);
  }
}
