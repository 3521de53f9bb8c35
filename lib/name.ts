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

/**
 * A name shown to someone who only holds the reference: the first word and the initials of the rest
 * ("Budi Santoso" → "Budi S."); a one-word name keeps its first two letters ("Sukarno" → "Su…").
 */
export function shortenName(name: string): string {
  const words = normalizeName(name).split(" ").filter(Boolean);
  if (words.length === 0) return "";
  if (words.length === 1) {
    const letters = Array.from(words[0]!);
    return letters.length <= 2 ? letters.join("") : `${letters.slice(0, 2).join("")}…`;
  }
  return [words[0], ...words.slice(1).map((w) => `${Array.from(w)[0]!.toUpperCase()}.`)].join(" ");
}
