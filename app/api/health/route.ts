import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and monitoring. */
export async function GET() {
  try {
    const handle = await getDatabaseHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: "ok", db: handle.kind });
  } catch {
    return Response.json({ status: "error" }, { status: 503 });
  }
}
