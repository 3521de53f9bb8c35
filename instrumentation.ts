/**
 * Runs once per server process when Next.js starts it. Background work that must happen without a
 * request lives here; only in the Node.js runtime (the database drivers do not run on the edge).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this file while it prerenders: no background work there.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { warnIfNoPerAddressLimits } = await import("./lib/client-ip");
  warnIfNoPerAddressLimits();
  const { warnIfNoPublicUrl } = await import("./lib/env");
  warnIfNoPublicUrl();
  const { startMaintenance } = await import("./lib/maintenance");
  startMaintenance();
}
