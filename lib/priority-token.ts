import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "./crypto";

/** How long a citizen whose booking the office cancelled may rebook with priority. */
export const PRIORITY_REBOOK_HOURS = 72;

function sign(payload: string): string {
  return createHmac("sha256", deriveKey("rebook")).update(`rebook.${payload}`).digest("base64url");
}

/**
 * `<expiry seconds>.<hmac(reference, expiry)>`: names one cancelled booking's priority rebooking. Nothing
 * is stored but the right itself (priority_rebookings), so the outbox link is the only copy of the token;
 * whether it was used or has expired is the row's to say.
 */
export function createPriorityToken(reference: string, expiresAt: Date): string {
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  return `${expiry}.${sign(`${reference}.${expiry}`)}`;
}

export function verifyPriorityToken(token: string | undefined, reference: string, now = new Date()): boolean {
  if (!token || token.length > 200) return false;
  const [expiry, mac, extra] = token.split(".");
  if (!expiry || !mac || extra !== undefined || !/^\d{1,12}$/.test(expiry)) return false;
  if (Number(expiry) * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(sign(`${reference}.${expiry}`));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The page a message links to: the token rides in the query, never a NIK. */
export function priorityRebookPath(reference: string, token: string): string {
  return `/booking/${encodeURIComponent(reference)}/rebook?token=${encodeURIComponent(token)}`;
}
