import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
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

/** Keyed hash used for uniqueness and look-up; the NIK itself is never compared in clear. */
export function hashNik(nik: string): string {
  return createHmac("sha256", deriveKey("nik-hash")).update(nik).digest("base64url");
}

export function hashPhone(e164: string): string {
  return createHmac("sha256", deriveKey("phone-hash")).update(e164).digest("base64url");
}

/** AES-256-GCM; output is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptNik(nik: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey("nik-encrypt"), iv);
  const data = Buffer.concat([cipher.update(nik, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptNik(payload: string): string {
  const [version, iv, tag, data] = payload.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("Unknown NIK ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", deriveKey("nik-encrypt"), Buffer.from(iv, "base64url"));
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
