import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/lib/db";
import { markDatabaseAvailable, markDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/db-status";
import { databaseFailure } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and monitoring: always asks the database itself. */
export async function GET() {
  try {
    const handle = await getDatabaseHandle();
    await handle.db.execute(sql`select 1`);
    markDatabaseAvailable();
    return Response.json({ status: "ok", db: handle.kind }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (databaseFailure(error) === "unreachable") markDatabaseUnavailable();
    return Response.json(
      { status: "error" },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
}
