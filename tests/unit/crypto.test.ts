import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createToken, decryptNik, deriveKey, encryptNik, hashNik, hashPhone, hashToken } from "@/lib/crypto";

const NIK = "3271011705900001";

describe("keyed hashes", () => {
  it("hash a NIK the same way every time, and different NIKs differently", () => {
    expect(hashNik(NIK)).toBe(hashNik(NIK));
    expect(hashNik(NIK)).not.toBe(hashNik("3271011705900002"));
    expect(hashNik(NIK)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashNik(NIK)).not.toContain(NIK);
  });

  it("are keyed: not a plain SHA-256, and a NIK and a phone never share a hash", () => {
    expect(hashNik(NIK)).not.toBe(createHash("sha256").update(NIK).digest("base64url"));
    expect(hashPhone(NIK)).not.toBe(hashNik(NIK));
    expect(hashPhone("+6281234567890")).toBe(hashPhone("+6281234567890"));
  });

  it("use one 32-byte key per purpose", () => {
    const keys = (["nik-hash", "nik-encrypt", "phone-hash", "auth"] as const).map((p) => deriveKey(p));
    for (const key of keys) expect(key).toHaveLength(32);
    expect(new Set(keys.map((k) => k.toString("hex"))).size).toBe(4);
  });
});

describe("NIK encryption", () => {
  it("round-trips, with a fresh IV every time", () => {
    const a = encryptNik(NIK);
    const b = encryptNik(NIK);
    expect(a).not.toBe(b);
    expect(decryptNik(a)).toBe(NIK);
    expect(decryptNik(b)).toBe(NIK);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain(NIK);
  });

  it("never repeats an IV, also across refills of the IV pool (a 4 KB pool holds 341 IVs)", () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const payload = encryptNik(NIK);
      ivs.add(payload.split(".")[1]!);
      if (i % 340 === 0) expect(decryptNik(payload)).toBe(NIK);
    }
    expect(ivs.size).toBe(2_000);
  });

  it("detects a changed ciphertext, tag or IV", () => {
    const [version, iv, tag, data] = encryptNik(NIK).split(".") as [string, string, string, string];
    const flip = (s: string) => {
      const bytes = Buffer.from(s, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    expect(() => decryptNik([version, iv, tag, flip(data)].join("."))).toThrow();
    expect(() => decryptNik([version, iv, flip(tag), data].join("."))).toThrow();
    expect(() => decryptNik([version, flip(iv), tag, data].join("."))).toThrow();
  });

  it("refuses an unknown format", () => {
    const [, iv, tag, data] = encryptNik(NIK).split(".");
    expect(() => decryptNik(["v2", iv, tag, data].join("."))).toThrow("Unknown NIK ciphertext format");
    expect(() => decryptNik(`v1.${iv}.${tag}`)).toThrow("Unknown NIK ciphertext format");
    expect(() => decryptNik(NIK)).toThrow("Unknown NIK ciphertext format");
  });
});

describe("device tokens", () => {
  it("are random and stored as their SHA-256", () => {
    expect(createToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createToken(16)).toHaveLength(22);
    expect(createToken()).not.toBe(createToken());
    expect(hashToken("abc")).toBe("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  });
});
