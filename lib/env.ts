import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  ANTREAN_DATA_DIR: z.string().min(1).default(".data"),
  ANTREAN_SECRET: z.string().min(32, "ANTREAN_SECRET must be at least 32 characters").optional(),
  ANTREAN_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: (Env & { secret: string }) | undefined;

/**
 * The validated environment. Without DATABASE_URL the app runs on the embedded database and, if no
 * ANTREAN_SECRET is given, keeps a generated one beside its data so NIK hashes stay stable across restarts.
 */
export function getEnv(): Env & { secret: string } {
  if (cached) return cached;
  const env = EnvSchema.parse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    ANTREAN_SECRET: process.env.ANTREAN_SECRET || undefined,
  });
  let secret = env.ANTREAN_SECRET;
  if (!secret) {
    if (env.DATABASE_URL && env.NODE_ENV === "production") {
      throw new Error("ANTREAN_SECRET is required when DATABASE_URL is set in production");
    }
    secret = readOrCreateLocalSecret(env.ANTREAN_DATA_DIR);
  }
  cached = { ...env, secret };
  return cached;
}

function readOrCreateLocalSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "secret.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}
