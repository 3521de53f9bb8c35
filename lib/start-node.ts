import "server-only";
import { startMaintenance } from "./maintenance";
import { flagRequestsForProxy } from "./proxy-flag";
import { startUp } from "./start-up";

/**
 * A Node.js server process's start (instrumentation.ts imports this only in the Node.js runtime, so no
 * edge bundle ever contains `process.exit`): the one start-up path (lib/start-up.ts: migrations, the demo
 * seed on the embedded default, the notices), then the background work. A database that cannot be
 * prepared — the embedded folder held by another process, PostgreSQL unreachable — stops the process.
 * First, the requests that need proxy.ts from this process's state are marked (lib/proxy-flag.ts).
 */
export async function startNodeProcess(): Promise<void> {
  flagRequestsForProxy();
  try {
    await startUp();
  } catch (error) {
    console.error(`[antrean] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  startMaintenance();
}
