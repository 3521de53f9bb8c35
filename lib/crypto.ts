import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, hkdfSync, randomBytes, randomFillSync, type KeyObject } from "node:crypto";
import { getEnv } from "./env";

type KeyPurpose = "nik-hash" | "nik-encrypt" | "phone-hash" | "auth" | "manage" | "rebook" | "pow" | "pow-key" | "pow-wait";

const keys = new Map<KeyPurpose, Buffer>();

/** Separate keys per purpose, derived from the one deployment secret with HKDF. */
export function deriveKey(purpose: KeyPurpose): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", getEnv().secret, "antrean", purpose, 32));
    keys.set(purpose, key);
  }
  return key;
}

const keyObjects = new Map<KeyPurpose, KeyObject>();

/**
 * The same key as a KeyObject, imported once: handing createHmac/createCipheriv a Buffer imports the key on
 * every call, which was half of a hash's cost (and a third of the NIK's encryption) on every booking.
 */
function keyObject(purpose: KeyPurpose): KeyObject {
  let key = keyObjects.get(purpose);
  if (!key) {
    key = createSecretKey(deriveKey(purpose));
    keyObjects.set(purpose, key);
  }
  return key;
}

/** Keyed hash used for uniqueness and look-up; the NIK itself is never compared in clear. */
export function hashNik(nik: string): string {
  return createHmac("sha256", keyObject("nik-hash")).update(nik).digest("base64url");
}

export function hashPhone(e164: string): string {
  return createHmac("sha256", keyObject("phone-hash")).update(e164).digest("base64url");
}

/** Random IVs taken from a pool filled 4 KB at a time (one CSPRNG call instead of one per booking). */
const ivPool = { bytes: Buffer.alloc(4096), next: 4096 };
function freshIv(): Buffer {
  if (ivPool.next + 12 > ivPool.bytes.length) {
    randomFillSync(ivPool.bytes);
    ivPool.next = 0;
  }
  // A copy: the pool is refilled in place, and each IV is used once.
  const iv = Buffer.from(ivPool.bytes.subarray(ivPool.next, ivPool.next + 12));
  ivPool.next += 12;
  return iv;
}

/** AES-256-GCM; output is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptNik(nik: string): string {
  const iv = freshIv();
  const cipher = createCipheriv("aes-256-gcm", keyObject("nik-encrypt"), iv);
  const data = Buffer.concat([cipher.update(nik, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptNik(payload: string): string {
  const [version, iv, tag, data] = payload.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("Unknown NIK ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", keyObject("nik-encrypt"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Device tokens are random; only their SHA-256 is stored, like a password that needs no slow hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function createToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
