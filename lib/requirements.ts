export const REQUIREMENT_KINDS = ["document", "condition", "note"] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];
export const DOCUMENT_COPIES = ["original", "photocopy", "both"] as const;
export type DocumentCopy = (typeof DOCUMENT_COPIES)[number];

export type RequirementClass = { kind: RequirementKind; copy: DocumentCopy | null; copies: number | null };

// A note states what to do *if* something holds; it opens with the condition ("Apabila …, maka …").
const NOTE = /^(apabila|jika|bila|bilamana|dalam hal|kalau)\b/i;
// A condition is something the person is, not something they carry: age, marital status, a first card.
const CONDITION =
  /^(telah |sudah |belum )?(berusia|usia|kawin|menikah|pernah kawin|belum pernah|untuk pemula|pemula|berstatus|warga negara)\b|\b(berusia|usia)\s+\d+\s+tahun\b/i;
const PHOTOCOPY = /\b(foto ?kopi|fotocopy|salinan)\b/i;
const ORIGINAL = /\b(asli|aslinya)\b/i;
const COUNT = /\b(\d{1,2})\s*(lembar|rangkap|buah|eksemplar)\b/i;

/**
 * A first guess at a requirement's kind from its Indonesian text, for data that does not say (the seed
 * classifies the office's catalogue by hand; an administrator confirms or corrects the guess).
 * Photocopy/original come from the words "fotokopi" and "asli"; a count from "2 lembar" and the like.
 */
export function classifyRequirement(text: string): RequirementClass {
  const trimmed = text.trim();
  if (NOTE.test(trimmed)) return { kind: "note", copy: null, copies: null };
  if (CONDITION.test(trimmed)) return { kind: "condition", copy: null, copies: null };
  const photocopy = PHOTOCOPY.test(trimmed);
  const original = ORIGINAL.test(trimmed);
  const copy: DocumentCopy | null = photocopy && original ? "both" : photocopy ? "photocopy" : original ? "original" : null;
  const count = COUNT.exec(trimmed);
  const copies = count ? Number(count[1]) : null;
  return { kind: "document", copy, copies: copies && copies >= 1 && copies <= 20 ? copies : null };
}

/** The requirements a citizen ticks as prepared: documents only (conditions and notes are shown, not ticked). */
export function isDocument(requirement: { kind: RequirementKind }): boolean {
  return requirement.kind === "document";
}

const COPY_WORDS: Record<Exclude<DocumentCopy, "both">, RegExp> = {
  original: /\b(asli|original)\b/i,
  photocopy: /\b(foto ?kopi|fotocopy|photocop(y|ies))\b/i,
};

/** Does the text already say which copy to bring? Then a "(asli)" tag after it would only repeat it. */
export function mentionsCopy(text: string, copy: DocumentCopy): boolean {
  if (copy === "both") return COPY_WORDS.original.test(text) && COPY_WORDS.photocopy.test(text);
  return COPY_WORDS[copy].test(text);
}
