import "server-only";
import { spendPow } from "../dal/pow";
import { isAppError } from "../errors";
import { isPowEnabled, verifyPow, type PowProof } from "./altcha";
import { checkWaitToken, createWaitToken, waitSeconds } from "./wait-token";

/**
 * Proof of work for one anonymous booking attempt. `check` verifies the ALTCHA payload (403 `challenge`)
 * before the input is parsed or anything written; `spend` uses it up just before the booking is written.
 * With ANTREAN_POW=off both do nothing.
 */
export async function checkBookingPow(altcha: unknown, officeSlug: string): Promise<PowProof | null> {
  if (!isPowEnabled()) return null;
  return verifyPow(altcha, officeSlug);
}

export async function spendBookingPow(proof: PowProof | null): Promise<void> {
  if (proof) await spendPow(proof);
}

/** The form's answer when the browser sent no proof at all: wait, then post again with the token. */
export type PowWait = { token: string; readyAt: Date };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The web form's proof: the widget's solution (`altcha`), or — without JavaScript, or if the widget failed —
 * a wait token: the one the "one more step" answer put in the form (`powWait`), else the one proxy.ts put in
 * a cookie when the details page was loaded (`pageToken`, lib/pow/wait-cookie.ts; the cached page itself
 * carries none). A token whose wait is not over yet holds the request until it is (never longer than the
 * wait itself): a person typing for longer than that never notices, a script pays the wait on every attempt.
 * Without either proof, or with an expired token, a new token comes back as `wait` (the form says to send
 * again after it). A cookie token that does not fit (another place's, expired, forged) counts as none.
 */
export async function checkFormPow(
  fields: { altcha?: unknown; powWait?: unknown },
  officeSlug: string,
  now = new Date(),
  pageToken?: string,
): Promise<{ proof: PowProof | null } | { wait: PowWait }> {
  if (!isPowEnabled()) return { proof: null };
  if (typeof fields.altcha === "string" && fields.altcha !== "") return { proof: await verifyPow(fields.altcha, officeSlug) };
  if (typeof fields.powWait === "string" && fields.powWait !== "") {
    try {
      return { proof: await waitFor(fields.powWait, officeSlug, now) };
    } catch (error) {
      if (!(isAppError(error) && error.messageKey === "pow.error.expired")) throw error;
    }
  } else if (pageToken) {
    try {
      return { proof: await waitFor(pageToken, officeSlug, now) };
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
  }
  return { wait: createWaitToken(officeSlug, now) };
}

async function waitFor(token: string, officeSlug: string, now: Date): Promise<PowProof> {
  const check = checkWaitToken(token, officeSlug, now);
  if (!check.ready) await sleep(Math.min(check.readyAt.getTime() - now.getTime(), waitSeconds() * 1000));
  return check.proof;
}

/** A wait token that was already used (a page shown again from the history): a new wait, not an error. */
export function isSpentWaitToken(error: unknown, fields: { altcha?: unknown; powWait?: unknown }, pageToken?: string): boolean {
  return isAppError(error) && error.messageKey === "pow.error.replayed" && !fields.altcha && (typeof fields.powWait === "string" || !!pageToken);
}
