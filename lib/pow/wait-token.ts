import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { deriveKey } from "../crypto";
import { getEnv } from "../env";
import { AppError } from "../errors";
import type { PowProof } from "./altcha";

/**
 * The no-JavaScript fallback for proof of work: instead of computing, the browser waits. The details page
 * carries a signed token (and a post without one gets one back) that becomes valid `waitSeconds()` later (ANTREAN_POW_WAIT_SECONDS,
 * default 10) and expires
 * WAIT_TOKEN_TTL_SECONDS after that; posting the form again with it books (once: it is spent like a
 * solution). A person loses a few seconds; a script must hold every attempt open for as long.
 */
export const WAIT_TOKEN_TTL_SECONDS = 600;

export function waitSeconds(): number {
  return getEnv().ANTREAN_POW_WAIT_SECONDS;
}

type Claims = { n: string; o: string; nb: number; exp: number };

const sign = (body: string) => createHmac("sha256", deriveKey("pow-wait")).update(body).digest("base64url");

export function createWaitToken(officeSlug: string, now = new Date()): { token: string; readyAt: Date } {
  const nb = Math.ceil(now.getTime() / 1000) + waitSeconds();
  const claims: Claims = { n: randomBytes(16).toString("base64url"), o: officeSlug, nb, exp: nb + WAIT_TOKEN_TTL_SECONDS };
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return { token: `${body}.${sign(body)}`, readyAt: new Date(nb * 1000) };
}

export type WaitCheck = { ready: boolean; readyAt: Date; proof: PowProof };

/** A token signed by us for this office and not expired; `ready: false` while its wait is not over. */
export function checkWaitToken(token: string, officeSlug: string, now = new Date()): WaitCheck {
  const [body, signature, extra] = token.length <= 512 ? token.split(".") : [];
  const expected = body ? sign(body) : "";
  if (!body || !signature || extra !== undefined || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
    throw new AppError("challenge", "pow.error.invalid");
  }
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Claims;
  const seconds = now.getTime() / 1000;
  if (claims.o !== officeSlug) throw new AppError("challenge", "pow.error.invalid");
  if (seconds > claims.exp) throw new AppError("challenge", "pow.error.expired");
  return { ready: seconds >= claims.nb, readyAt: new Date(claims.nb * 1000), proof: { nonce: `wait:${claims.n}`, expiresAt: new Date(claims.exp * 1000) } };
}
