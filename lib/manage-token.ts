import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "./crypto";

/** How long a citizen who proved reference + NIK may change or cancel without typing the NIK again. */
export const MANAGE_TOKEN_SECONDS = 30 * 60;

function sign(payload: string): string {
  return createHmac("sha256", deriveKey("manage")).update(payload).digest("base64url");
}

/** `<reference>.<expiry seconds>.<hmac>`: proves, for a while, that this browser knows the booking's NIK. */
export function createManageToken(reference: string, now = new Date()): string {
  const payload = `${reference}.${Math.floor(now.getTime() / 1000) + MANAGE_TOKEN_SECONDS}`;
  return `${payload}.${sign(payload)}`;
}

export function verifyManageToken(token: string | undefined, reference: string, now = new Date()): boolean {
  if (!token) return false;
  const [ref, expiry, mac] = token.split(".");
  if (!ref || !expiry || !mac || ref !== reference) return false;
  if (Number(expiry) * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(sign(`${ref}.${expiry}`));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
