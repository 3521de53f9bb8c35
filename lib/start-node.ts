import "server-only";
import { warnIfNoPerAddressLimits } from "./client-ip";
import { getDatabaseHandle } from "./db";
import { getEnv, warnIfNoPublicUrl, warnIfPowOff } from "./env";
import { startMaintenance } from "./maintenance";

/**
 * A Node.js server process's start (instrumentation.ts imports this only in the Node.js runtime, so no
 * edge bundle ever contains `process.exit`): warnings about the configuration, then the embedded database
 * is opened (and its folder locked) now, so a second process on the same folder refuses to start instead of
 * serving from a copy that corrupts the first; then the background work.
 */
export async function startNodeProcess(): Promise<void> {
  warnIfNoPerAddressLimits();
  warnIfNoPublicUrl();
  warnIfPowOff();
  if (!getEnv().DATABASE_URL) {
    try {
      await getDatabaseHandle();
    } catch (error) {
      console.error(`[antrean] cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
  startMaintenance();
}
