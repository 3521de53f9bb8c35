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
 * the wait token (`powWait`) the details page was rendered with. A token whose wait is not over yet holds
 * the request until it is (never longer than the wait itself): a person typing for longer than that never
 * notices, a script pays the wait on every attempt. Without either proof, or with an expired token, a new
 * token comes back as `wait` (the form says to send again after it).
 */
export async function checkFormPow(fields: { altcha?: unknown; powWait?: unknown }, officeSlug: string, now = new Date()): Promise<{ proof: PowProof | null } | { wait: PowWait }> {
  if (!isPowEnabled()) return { proof: null };
  if (typeof fields.altcha === "string" && fields.altcha !== "") return { proof: await verifyPow(fields.altcha, officeSlug) };
  if (typeof fields.powWait === "string" && fields.powWait !== "") {
    try {
      const check = checkWaitToken(fields.powWait, officeSlug, now);
      if (check.ready) return { proof: check.proof };
      await sleep(Math.min(check.readyAt.getTime() - now.getTime(), waitSeconds() * 1000));
      return { proof: check.proof };
    } catch (error) {
      if (!(isAppError(error) && error.messageKey === "pow.error.expired")) throw error;
    }
  }
  return { wait: createWaitToken(officeSlug, now) };
}

/** A wait token that was already used (a page shown again from the history): a new wait, not an error. */
export function isSpentWaitToken(error: unknown, fields: { altcha?: unknown; powWait?: unknown }): boolean {
  return isAppError(error) && error.messageKey === "pow.error.replayed" && !fields.altcha && typeof fields.powWait === "string";
}
