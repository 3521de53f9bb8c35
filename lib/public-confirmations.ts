/**
 * Which confirmation pages may be answered from the shared cache (issue 8). The confirmation is cached
 * once per reference in the view everyone who holds the reference may see (shortened name, masked NIK, no
 * manage buttons): app/[locale]/booking/[reference]/shared-view. proxy.ts sends a request there only when
 * nothing per-request is needed:
 *
 * - the reference is one this process has recently found (so a look-up that would miss never reaches the
 *   cache: misses are counted per address, and a cached page does not know the address);
 * - the address has not missed a reference look-up here within the misses' window (an address that has is
 *   checked against its allowance in the database on every look-up, hits included, as before);
 * - the browser holds no manage cookie (the owner's view stays per request), and there is no query.
 *
 * An address limited through another instance is refused on its first miss here, then remembered. Both
 * maps are bounded: when the addresses are full, every request takes the per-request path (fail closed).
 * Kept on globalThis with no imports: the proxy and the app are bundled separately but run in one process.
 */
type State = { references: Map<string, number>; misses: Map<string, number> };

const KEY = Symbol.for("antrean.public-confirmations");
const REFERENCE_MS = 10 * 60_000;
const MAX_REFERENCES = 100_000;
const MAX_ADDRESSES = 100_000;

function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= { references: new Map(), misses: new Map() });
}

/** A look-up found this (normalized) reference. */
export function rememberReference(reference: string, now = Date.now()): void {
  const { references } = state();
  references.delete(reference);
  if (references.size >= MAX_REFERENCES) references.delete(references.keys().next().value!);
  references.set(reference, now + REFERENCE_MS);
}

export function forgetReference(reference: string): void {
  state().references.delete(reference);
}

export function isKnownReference(reference: string, now = Date.now()): boolean {
  const until = state().references.get(reference);
  return until !== undefined && until > now;
}

/** A reference look-up from this address missed, or found its allowance used up. */
export function noteReferenceMiss(address: string, windowSeconds: number, now = Date.now()): void {
  const { misses } = state();
  if (misses.size >= MAX_ADDRESSES) {
    for (const [key, until] of misses) if (until <= now) misses.delete(key);
    if (misses.size >= MAX_ADDRESSES) return; // full: hasRecentMiss is true for everyone until entries expire
  }
  misses.set(address, now + windowSeconds * 1000);
}

export function hasRecentMiss(address: string, now = Date.now()): boolean {
  const { misses } = state();
  if (misses.size >= MAX_ADDRESSES) return true;
  const until = misses.get(address);
  if (until === undefined) return false;
  if (until > now) return true;
  misses.delete(address);
  return false;
}

/** Test only. */
export function resetSharedConfirmation(): void {
  const s = state();
  s.references.clear();
  s.misses.clear();
}
