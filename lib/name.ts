/**
 * Names as Indonesians write them: one word ("Sukarno"), several, with apostrophes ("Ma'ruf"),
 * dots and commas of titles ("Ir. H. Djuanda, S.H."), hyphens. Letters of any script; no digits or markup.
 */
const NAME_PATTERN = /^[\p{L}\p{M}](?:[\p{L}\p{M}'’.,\- ]*[\p{L}\p{M}.])?$/u;

export function normalizeName(input: string): string {
  return input.normalize("NFC").replace(/\s+/g, " ").trim();
}

export function isValidName(name: string): boolean {
  return name.length >= 1 && name.length <= 100 && NAME_PATTERN.test(name);
}
