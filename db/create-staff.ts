import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { CreateStaffSchema } from "../lib/validation/staff";
import { describeTarget, openDatabaseFromEnv } from "./connect-from-env";
import { auditLogs, offices, staffUsers } from "./schema";

/**
 * `npm run staff:create -- --email kasi@… --name "…" --role admin [--office kota-bogor]`: the first
 * administrator of a real deployment (afterwards, admins manage accounts in the portal). The password is
 * generated, printed once, and must be changed by handing it over in person.
 */
const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" }, office: { type: "string", default: "kota-bogor" } },
});
const password = randomBytes(12).toString("base64url");
const parsed = CreateStaffSchema.safeParse({ email: values.email ?? "", name: values.name ?? "", role: values.role, password });
if (!parsed.success) {
  console.error("Usage: npm run staff:create -- --email <email> --name <name> [--role admin|supervisor|operator] [--office <slug>]");
  console.error(parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(2);
}
const handle = openDatabaseFromEnv();
try {
  const [office] = await handle.db.select({ id: offices.id }).from(offices).where(eq(offices.slug, values.office!));
  if (!office) throw new Error(`No office "${values.office}" in ${describeTarget()}: run npm run db:seed -- --no-demo-staff first.`);
  await handle.db.transaction(async (tx) => {
    const [staff] = await tx
      .insert(staffUsers)
      .values({ officeId: office.id, email: parsed.data.email, name: parsed.data.name, role: parsed.data.role, passwordHash: await hash(password) })
      .returning({ id: staffUsers.id });
    await tx.insert(auditLogs).values({ officeId: office.id, actorType: "system", action: "staff.create", details: { staffId: staff!.id, role: parsed.data.role, via: "cli" } });
  });
  console.log(`Created ${parsed.data.role} ${parsed.data.email} in ${describeTarget()}.\nPassword (shown once): ${password}`);
} finally {
  await handle.close();
}
