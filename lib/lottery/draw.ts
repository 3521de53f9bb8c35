import { createHmac, randomBytes } from "node:crypto";

/** A fresh draw seed: 32 random bytes from the operating system's CSPRNG, as hex (logged with the draw). */
export function createDrawSeed(): string {
  return randomBytes(32).toString("hex");
}

/**
 * The lottery's order of entries for a seed: each entry's rank is HMAC-SHA256(seed, entry id), lowest first.
 * Deterministic for a seed and a set of ids (whatever order they are given in), so anyone holding the logged
 * seed and the list of entries can redo the draw; with a random seed every order is equally likely.
 */
export function drawOrder(seedHex: string, entryIds: readonly string[]): string[] {
  if (!/^[0-9a-f]{64}$/.test(seedHex)) throw new Error("drawOrder: the seed must be 32 bytes of hex");
  const seed = Buffer.from(seedHex, "hex");
  return [...new Set(entryIds)]
    .map((id) => ({ id, rank: createHmac("sha256", seed).update(id).digest("hex") }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1))
    .map((e) => e.id);
}
