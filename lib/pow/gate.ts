import "server-only";
import { spendPow } from "../dal/pow";
import { isAppError } from "../errors";
import { isPowEnabled, verifyPow, type PowProof } from "./altcha";
import { checkWaitToken, createWaitToken } from "./wait-token";

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

/** The form's answer when the browser sent no solution: wait, then post again with the token. */
export type PowWait = { token: string; readyAt: Date; early: boolean };

/**
 * The web form's proof: the widget's solution (`altcha`), or — without JavaScript, or if the widget failed —
 * a wait token (`powWait`) whose wait is over. Without either, or with an expired token, a new token and
 * `wait` come back; before the wait is over, the same token and `early`.
 */
export async function checkFormPow(fields: { altcha?: unknown; powWait?: unknown }, officeSlug: string, now = new Date()): Promise<{ proof: PowProof | null } | { wait: PowWait }> {
  if (!isPowEnabled()) return { proof: null };
  if (typeof fields.altcha === "string" && fields.altcha !== "") return { proof: await verifyPow(fields.altcha, officeSlug) };
  if (typeof fields.powWait === "string" && fields.powWait !== "") {
    try {
      const check = checkWaitToken(fields.powWait, officeSlug, now);
      if (check.ready) return { proof: check.proof };
      return { wait: { token: fields.powWait, readyAt: check.readyAt, early: true } };
    } catch (error) {
      if (!(isAppError(error) && error.messageKey === "pow.error.expired")) throw error;
    }
  }
  const fresh = createWaitToken(officeSlug, now);
  return { wait: { ...fresh, early: false } };
}
