import type { z } from "zod";
import { getDatabaseHandle } from "../lib/db";
import { isAppError, type AppError } from "../lib/errors";
import { createTranslator } from "../lib/i18n/translate";
import { parseInput } from "../lib/validation/parse";

/**
 * The command-line tools' shape (`npm run staff:create`, `api-key:create`): the arguments parsed by the
 * portal's own schema, then one data-layer call on the app's own database (lib/db.ts, validated settings).
 * Expected errors are said as the portal says them, in English: bad arguments end with the usage and exit
 * code 2, a refusal by the data layer (a taken address, an unknown office) with exit code 1.
 */
const t = createTranslator("en");

function explain(error: AppError): string {
  const fields = Object.entries(error.fields ?? {}).map(([field, keys]) => `  --${field}: ${keys.map((key) => t(key)).join(" ")}`);
  return [`Not done: ${t(error.messageKey, error.params)}`, ...fields].join("\n");
}

export function parseArguments<S extends z.ZodType>(schema: S, input: unknown, usage: string): z.output<S> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(`${explain(error)}\nUsage: ${usage}`);
    process.exit(2);
  }
}

export async function runOnAppDatabase(command: () => Promise<void>): Promise<void> {
  const handle = await getDatabaseHandle();
  try {
    await command();
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(explain(error));
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}
