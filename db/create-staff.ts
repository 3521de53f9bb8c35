import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { SYSTEM } from "../lib/auth/actor";
import { requireOffice } from "../lib/dal/offices";
import { createStaff } from "../lib/dal/staff-users";
import { CreateStaffSchema } from "../lib/validation/staff";
import { parseArguments, runOnAppDatabase } from "./cli";
import { describeTarget } from "./connect-from-env";

/**
 * `npm run staff:create -- --email kasi@… --name "…" --role admin [--office kota-bogor]`: the first
 * administrator of a real deployment (afterwards, admins manage accounts in the portal). The password is
 * generated, printed once, and must be changed by handing it over in person. The account is made by the
 * data layer's `createStaff` with the system actor, as in the portal: the same validation, the same audit
 * row, the same "address already taken".
 */
const USAGE = "npm run staff:create -- --email <email> --name <name> [--role admin|supervisor|operator] [--office <slug>]";
const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" }, office: { type: "string", default: "kota-bogor" } },
});
const password = randomBytes(12).toString("base64url");
const input = parseArguments(CreateStaffSchema, { email: values.email, name: values.name, role: values.role, password }, USAGE);

await runOnAppDatabase(async () => {
  const office = await requireOffice(values.office);
  const staff = await createStaff(SYSTEM, { ...input, officeId: office.id }, { via: "cli" });
  console.log(`Created ${staff.role} ${staff.email} at ${office.slug} in ${describeTarget()}.\nPassword (shown once): ${password}`);
});
