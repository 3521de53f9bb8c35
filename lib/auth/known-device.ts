import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { deriveKey } from "../crypto";

/**
 * "This browser signed in to this account before": a signed, long-lived cookie set at each successful
 * login, holding one entry per account (a counter PC shared by a few operators). It lets the owner in
 * while their account is locked by someone else's guesses; it proves nothing else (the password is still
 * checked) and carries no secret of the account.
 */
export const KNOWN_DEVICE_DAYS = 180;
const MAX_ACCOUNTS = 5;

type Entry = { staffId: string; deviceId: string; expires: number };

function sign(payload: string): string {
  return createHmac("sha256", deriveKey("auth")).update(`known-device:${payload}`).digest("base64url");
}

function parse(value: string | null | undefined, now: Date): Entry[] {
  const entries: Entry[] = [];
  for (const item of (value ?? "").split("~").slice(0, MAX_ACCOUNTS)) {
    const [staffId, deviceId, expiry, mac] = item.split(".");
    if (!staffId || !deviceId || !expiry || !mac) continue;
    const expected = Buffer.from(sign(`${staffId}.${deviceId}.${expiry}`));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) continue;
    if (Number(expiry) * 1000 <= now.getTime()) continue;
    entries.push({ staffId, deviceId, expires: Number(expiry) });
  }
  return entries;
}

/** This account's entry in the cookie, if it is genuine and unexpired. */
export function findKnownDevice(value: string | null | undefined, staffId: string, now = new Date()): { staffId: string; deviceId: string } | null {
  const entry = parse(value, now).find((e) => e.staffId === staffId);
  return entry ? { staffId: entry.staffId, deviceId: entry.deviceId } : null;
}

/** The cookie's new value after a successful login: this account first (same device id if known), others kept. */
export function rememberKnownDevice(value: string | null | undefined, staffId: string, now = new Date()): string {
  const entries = parse(value, now);
  const deviceId = entries.find((e) => e.staffId === staffId)?.deviceId ?? randomBytes(9).toString("base64url");
  const expiry = Math.floor(now.getTime() / 1000) + KNOWN_DEVICE_DAYS * 86_400;
  const fresh = `${staffId}.${deviceId}.${expiry}`;
  const others = entries.filter((e) => e.staffId !== staffId).map((e) => `${e.staffId}.${e.deviceId}.${e.expires}`);
  return [fresh, ...others]
    .slice(0, MAX_ACCOUNTS)
    .map((payload) => `${payload}.${sign(payload)}`)
    .join("~");
}
