import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { SYSTEM } from "../lib/auth/actor";
import { createStaff } from "../lib/dal/staff-users";
import { isAppError } from "../lib/errors";
import { CreateStaffSchema } from "../lib/validation/staff";
import { describeTarget, openDatabaseFromEnv } from "./connect-from-env";
import { offices } from "./schema";

/**
 * `npm run staff:create -- --email kasi@… --name "…" --role admin [--office kota-bogor]`: the first
 * administrator of a real deployment (afterwards, admins manage accounts in the portal). The password is
 * generated, printed once, and must be changed by handing it over in person. The account is made by the
 * data layer's `createStaff`, as in the portal: the same audit row, the same "address already taken".
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
  await createStaff(SYSTEM, { ...parsed.data, officeId: office.id }, { via: "cli", executor: handle.db });
  console.log(`Created ${parsed.data.role} ${parsed.data.email} in ${describeTarget()}.\nPassword (shown once): ${password}`);
} catch (error) {
  if (!isAppError(error) || !error.fields?.email) throw error;
  console.error(`An account with the e-mail address ${parsed.data.email} already exists in ${describeTarget()}.`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
