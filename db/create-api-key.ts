import { parseArgs } from "node:util";
import { SYSTEM } from "../lib/auth/actor";
import { createApiKey } from "../lib/dal/api-keys";
import { requireOffice } from "../lib/dal/offices";
import { CreateApiKeySchema } from "../lib/validation/api-keys";
import { parseArguments, runOnAppDatabase } from "./cli";
import { describeTarget } from "./connect-from-env";

/**
 * `npm run api-key:create -- --name "Dasbor" --scopes reports[,booking,admin] [--office kota-bogor]`: a key
 * for automation (afterwards, admins issue and revoke keys in the portal). Made by the data layer's
 * `createApiKey` with the system actor, with its audit row; printed once, only its hash is kept.
 */
const USAGE = "npm run api-key:create -- --name <name> --scopes reports[,booking,admin] [--office <slug>]";
const { values } = parseArgs({ options: { name: { type: "string" }, scopes: { type: "string" }, office: { type: "string", default: "kota-bogor" } } });
const input = parseArguments(CreateApiKeySchema, { name: values.name, scopes: (values.scopes ?? "").split(",").filter(Boolean) }, USAGE);

await runOnAppDatabase(async () => {
  const office = await requireOffice(values.office);
  const { apiKey, key } = await createApiKey(SYSTEM, { ...input, officeId: office.id }, { via: "cli" });
  console.log(`Created API key "${apiKey.name}" (${apiKey.scopes.join(", ")}) at ${office.slug} in ${describeTarget()}.\nKey (shown once): ${key}`);
});
