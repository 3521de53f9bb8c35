import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L, or U: easy to read aloud, type on a phone and tell apart on paper. */
export const REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
export const REFERENCE_LENGTH = 8;

/** A random booking reference (about 39 bits), never derived from the row id. Shown as `ABCD-EFGH`. */
export function createReference(): string {
  let out = "";
  for (let i = 0; i < REFERENCE_LENGTH; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return out;
}

/** Accepts what people type or scan: lower case, spaces and dashes. */
export function normalizeReference(input: string): string {
  return input.toUpperCase().replace(/[\s\-]/g, "");
}

export function isReference(value: string): boolean {
  return value.length === REFERENCE_LENGTH && [...value].every((c) => REFERENCE_ALPHABET.includes(c));
}

export function formatReference(reference: string): string {
  return `${reference.slice(0, 4)}-${reference.slice(4)}`;
}

export function formatQueueNumber(letter: string, seq: number): string {
  return `${letter}-${String(seq).padStart(3, "0")}`;
}
