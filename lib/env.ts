import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  ANTREAN_DATA_DIR: z.string().min(1).default(".data"),
  ANTREAN_SECRET: z.string().min(32, "ANTREAN_SECRET must be at least 32 characters").optional(),
  ANTREAN_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Proof of work for anonymous bookings (ALTCHA); `off` for benchmarks and closed networks. */
  ANTREAN_POW: z.enum(["on", "off"], { error: "ANTREAN_POW must be on or off" }).default("on"),
  /** Without JavaScript the booking form waits this long instead of solving a challenge. */
  ANTREAN_POW_WAIT_SECONDS: z.coerce.number({ error: "ANTREAN_POW_WAIT_SECONDS must be a number of seconds" }).int().min(1).max(300).default(10),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  ANTREAN_PUBLIC_URL: z.string().optional(),
  NEXTAUTH_URL: z.string().optional(),
  PORT: z.string().optional(),
  ANTREAN_SMTP_URL: z.url({ protocol: /^smtps?$/, error: "ANTREAN_SMTP_URL must be smtp://… or smtps://…" }).optional(),
  ANTREAN_MAIL_FROM: z.string().min(3).optional(),
  ANTREAN_WA_GATEWAY_URL: z.url({ protocol: /^https?$/, error: "ANTREAN_WA_GATEWAY_URL must be http(s)://…" }).optional(),
  ANTREAN_WA_GATEWAY_TOKEN: z.string().min(1).optional(),
  ANTREAN_MESSAGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  ANTREAN_REMINDER_AT: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "ANTREAN_REMINDER_AT must be HH:MM").default("16:00"),
  /** The optional morning-of-visit reminder (office-local HH:MM); unset or empty: none is sent. */
  ANTREAN_MORNING_REMINDER_AT: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "ANTREAN_MORNING_REMINDER_AT must be HH:MM").optional()),
  /** Signs the staff session cookie; unset: derived from ANTREAN_SECRET. (next-auth reads it too.) */
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  /** The main office the public pages serve; its public service points are offered as a choice first. */
  ANTREAN_DEFAULT_OFFICE: z.string().min(1).default("kota-bogor"),
  /** How long an instance may serve settings and places used from its read cache (lib/dal/read-cache.ts). */
  ANTREAN_CACHE_MS: z.coerce.number({ error: "ANTREAN_CACHE_MS must be a number of milliseconds" }).int().min(0).max(60_000).default(1000),
  /** `0`: no background work in this process (tests that start their own servers, a read-only replica). */
  ANTREAN_SWEEPER: z.enum(["0", "1"], { error: "ANTREAN_SWEEPER must be 0 or 1" }).default("1"),
  /** `1`: seed the demo office and its publicly known logins into a (local) PostgreSQL database at start. */
  ANTREAN_SEED_DEMO: z.enum(["0", "1"], { error: "ANTREAN_SEED_DEMO must be 0 or 1" }).default("0"),
  /** `1`: allow that demo seed into a PostgreSQL database on another machine. */
  ANTREAN_ALLOW_REMOTE_SEED: z.enum(["0", "1"], { error: "ANTREAN_ALLOW_REMOTE_SEED must be 0 or 1" }).default("0"),
  ANTREAN_DB_CONNECT_TIMEOUT_S: z.coerce.number({ error: "ANTREAN_DB_CONNECT_TIMEOUT_S must be a number of seconds" }).int().min(1).max(120).default(3),
  ANTREAN_DB_STATEMENT_TIMEOUT_MS: z.coerce.number({ error: "ANTREAN_DB_STATEMENT_TIMEOUT_MS must be a number of milliseconds" }).int().min(0).default(15_000),
});

/** An http(s) origin with nothing after it (a trailing slash is fine): links are built on it, never a path. */
const PublicUrlSchema = z
  .string()
  .refine((value) => URL.canParse(value), { message: "must be an absolute URL such as https://antrean.example.go.id" })
  .transform((value) => new URL(value))
  .refine((url) => url.protocol === "https:" || url.protocol === "http:", { message: "must start with https:// or http://" })
  .refine((url) => url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password, {
    message: "must be an origin only, without a path, query or credentials",
  });

export type Env = z.infer<typeof EnvSchema>;

/** Empty strings count as unset (a blank line in an env file must not switch a channel on). */
function unsetBlanks(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

/** A channel needs both of its variables; one alone is a configuration mistake, said at start. */
function assertChannelPairs(env: Env): void {
  if (env.ANTREAN_SMTP_URL && !env.ANTREAN_MAIL_FROM) throw new Error("ANTREAN_MAIL_FROM is required with ANTREAN_SMTP_URL");
  if (env.ANTREAN_WA_GATEWAY_URL && !env.ANTREAN_WA_GATEWAY_TOKEN) throw new Error("ANTREAN_WA_GATEWAY_TOKEN is required with ANTREAN_WA_GATEWAY_URL");
}

let cached: (Env & { secret: string }) | undefined;

/**
 * One variable, validated by the same schema, without the rest of getEnv() (the secret, the channel
 * pairs): for values read while modules load, which `next build` does with a production environment.
 */
export function readSetting<K extends keyof Env>(key: K): Env[K] {
  const raw = process.env[key];
  const parsed = EnvSchema.shape[key].safeParse(raw === "" ? undefined : raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? `${key} is invalid`);
  return parsed.data as Env[K];
}

/** `next dev`. A literal `process.env.NODE_ENV`, which the bundler replaces, so code behind it is dropped. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

/**
 * The validated environment. Without DATABASE_URL the app runs on the embedded database and, if no
 * ANTREAN_SECRET is given, keeps a generated one beside its data so NIK hashes stay stable across restarts.
 */
export function getEnv(): Env & { secret: string } {
  if (cached) return cached;
  const env = EnvSchema.parse(unsetBlanks(process.env));
  assertChannelPairs(env);
  getPublicSite(); // a malformed public URL stops the app here, with the variable's name
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

export type PublicSite = {
  /** `https://antrean.example.go.id`: the only base of absolute links (WhatsApp, device activation). */
  origin: string;
  /** Whether the site's address was configured; otherwise links point at this machine. */
  configured: boolean;
  /** Secure cookies: the configured scheme; unconfigured, Secure in production only. */
  secureCookies: boolean;
};

let cachedSite: PublicSite | undefined;

/**
 * The site's public address, from ANTREAN_PUBLIC_URL, else NEXTAUTH_URL, else this machine in
 * development. Never from request headers: a client writes Host and X-Forwarded-Host itself.
 */
export function getPublicSite(): PublicSite {
  if (cachedSite) return cachedSite;
  // Only the site's own variables: the rest (e.g. an empty DATABASE_URL) is getEnv()'s business.
  const env = EnvSchema.pick({ NODE_ENV: true, ANTREAN_PUBLIC_URL: true, NEXTAUTH_URL: true, PORT: true }).parse({
    NODE_ENV: process.env.NODE_ENV,
    ANTREAN_PUBLIC_URL: process.env.ANTREAN_PUBLIC_URL || undefined,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || undefined,
    PORT: process.env.PORT || undefined,
  });
  const name = env.ANTREAN_PUBLIC_URL ? "ANTREAN_PUBLIC_URL" : "NEXTAUTH_URL";
  const raw = env.ANTREAN_PUBLIC_URL ?? env.NEXTAUTH_URL;
  if (!raw) {
    cachedSite = { origin: `http://localhost:${env.PORT ?? "3000"}`, configured: false, secureCookies: env.NODE_ENV === "production" };
    return cachedSite;
  }
  const parsed = PublicUrlSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${name} ${parsed.error.issues[0]?.message ?? "is invalid"} (got "${raw}")`);
  cachedSite = { origin: parsed.data.origin, configured: true, secureCookies: parsed.data.protocol === "https:" };
  return cachedSite;
}

/** A start-up notice (lib/start-up.ts): in production, links to the site need its configured address. */
export function noPublicUrlNotice(): string | null {
  const site = getPublicSite();
  if (site.configured || getEnv().NODE_ENV !== "production") return null;
  return `[antrean] ANTREAN_PUBLIC_URL is not set: shared links and device activation links will point at ${site.origin}. Set it to the site's public address.`;
}

/** A start-up notice: bookings cost no proof of work in this deployment. */
export function powOffNotice(): string | null {
  if (getEnv().ANTREAN_POW !== "off") return null;
  return "[antrean] ANTREAN_POW=off: proof of work is off, anonymous bookings (web form and JSON API) are not asked to solve a challenge.";
}

/** `next build` loads the app to prerender it; it must leave the data folder alone (not even create it). */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

function readOrCreateLocalSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "secret.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  // Nothing the build signs outlives it (every page is rendered per request), so a throw-away secret will do.
  if (isBuildPhase()) return randomBytes(48).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}
