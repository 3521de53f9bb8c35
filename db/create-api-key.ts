import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { SYSTEM } from "../lib/auth/actor";
import { insertApiKey } from "../lib/dal/api-keys";
import { CreateApiKeySchema } from "../lib/validation/api-keys";
import { describeTarget, openDatabaseFromEnv } from "./connect-from-env";
import { offices } from "./schema";

/**
 * `npm run api-key:create -- --name "Dasbor" --scopes reports[,booking,admin] [--office kota-bogor]`: a key
 * for automation (afterwards, admins issue and revoke keys in the portal). Printed once; only its hash is kept.
 */
const { values } = parseArgs({ options: { name: { type: "string" }, scopes: { type: "string" }, office: { type: "string", default: "kota-bogor" } } });
const parsed = CreateApiKeySchema.safeParse({ name: values.name ?? "", scopes: (values.scopes ?? "").split(",").filter(Boolean) });
if (!parsed.success) {
  console.error("Usage: npm run api-key:create -- --name <name> --scopes reports[,booking,admin] [--office <slug>]");
  console.error(parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(2);
}
const handle = openDatabaseFromEnv();
try {
  const [office] = await handle.db.select({ id: offices.id }).from(offices).where(eq(offices.slug, values.office!));
  if (!office) throw new Error(`No office "${values.office}" in ${describeTarget()}.`);
  const { apiKey, key } = await handle.db.transaction((tx) => insertApiKey(tx, { officeId: office.id, actor: SYSTEM, name: parsed.data.name, scopes: parsed.data.scopes, via: "cli" }));
  console.log(`Created API key "${apiKey.name}" (${apiKey.scopes.join(", ")}) in ${describeTarget()}.\nKey (shown once): ${key}`);
} finally {
  await handle.close();
}
