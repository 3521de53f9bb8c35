import "server-only";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey as pbkdf2 } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import { deriveKey } from "../crypto";
import { getEnv } from "../env";
import { AppError } from "../errors";

/** What every challenge asks: PBKDF2-SHA-256 (in every ALTCHA widget) of POW_COST rounds per try. */
export const POW_ALGORITHM = "PBKDF2/SHA-256";
export const POW_COST = 1_000;
/** Long enough to fill the form; the widget fetches a new challenge when one expires. */
export const POW_TTL_SECONDS = 600;
/** A widget payload is about 700 characters; anything far bigger is not one. */
const MAX_PAYLOAD_LENGTH = 4_096;

export type PowProof = { nonce: string; expiresAt: Date };

export function isPowEnabled(): boolean {
  return getEnv().ANTREAN_POW !== "off";
}

const secret = (purpose: "pow" | "pow-key") => deriveKey(purpose).toString("hex");

/**
 * A signed, expiring ALTCHA challenge (altcha-lib's v2 protocol, deterministic mode) for an office: the
 * solver must find a counter between half the office's difficulty and all of it. The server checks a
 * solution with two HMACs, without redoing the work; `data.office` binds it to this office.
 */
export function createPowChallenge(office: { slug: string; powDifficulty: number }, now = new Date()): Promise<Challenge> {
  const max = Math.max(1, office.powDifficulty);
  return createChallenge({
    algorithm: POW_ALGORITHM,
    cost: POW_COST,
    counter: randomInt(max, Math.ceil(max / 2)),
    deriveKey: pbkdf2,
    data: { office: office.slug },
    expiresAt: new Date(now.getTime() + POW_TTL_SECONDS * 1000),
    hmacSignatureSecret: secret("pow"),
    hmacKeySignatureSecret: secret("pow-key"),
  });
}

const Hex = z.string().regex(/^[0-9a-f]+$/).max(512);
const PayloadSchema = z.object({
  challenge: z.object({
    parameters: z.looseObject({
      algorithm: z.literal(POW_ALGORITHM),
      nonce: Hex,
      salt: Hex,
      cost: z.number().int().positive(),
      keyLength: z.number().int().positive().max(64),
      keyPrefix: Hex,
      keySignature: Hex.optional(),
      expiresAt: z.number().int().positive(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: Hex,
  }),
  solution: z.looseObject({ counter: z.number().int().nonnegative(), derivedKey: Hex }),
});

const refused = (key: "pow.error.missing" | "pow.error.invalid" | "pow.error.expired" | "pow.error.replayed") => new AppError("challenge", key);

function decode(raw: unknown): z.infer<typeof PayloadSchema> {
  if (raw === undefined || raw === null || raw === "") throw refused("pow.error.missing");
  if (typeof raw !== "string" || raw.length > MAX_PAYLOAD_LENGTH) throw refused("pow.error.invalid");
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
  } catch {
    throw refused("pow.error.invalid");
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) throw refused("pow.error.invalid");
  return parsed.data;
}

/**
 * Checks an ALTCHA payload (base64 JSON `{ challenge, solution }`, as the widget submits it) for an office:
 * signed by us, not expired, solved, issued for this office. Spends nothing: see `spendPow`.
 * Throws 403 `challenge` otherwise.
 */
export async function verifyPow(raw: unknown, officeSlug: string): Promise<PowProof> {
  const payload = decode(raw);
  const { parameters } = payload.challenge;
  const result = await verifySolution({
    challenge: payload.challenge,
    solution: payload.solution,
    deriveKey: pbkdf2,
    hmacSignatureSecret: secret("pow"),
    hmacKeySignatureSecret: secret("pow-key"),
  });
  if (result.expired) throw refused("pow.error.expired");
  if (!result.verified || parameters.data?.office !== officeSlug) throw refused("pow.error.invalid");
  return { nonce: `altcha:${parameters.nonce}`, expiresAt: new Date(parameters.expiresAt * 1000) };
}
