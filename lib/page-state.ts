/**
 * The citizen pages that are the same for everyone are cached (ISR), and a cached page cannot read the
 * query string. The few query parameters such a page understands therefore travel as one path segment:
 * `_` for none; `q` + base64url of the canonical query, made by proxy.ts for any query; or `~` + a plain
 * query, made by the rewrites of next.config.ts for the few common ones whose every value is a fixed
 * word or matches a strict pattern (lib/page-rewrites.ts: those requests skip the proxy). The page reads
 * them back from its params; the citizen's address bar keeps the query string. Anything else in the query
 * is dropped, and every value must be one the pages make (VALUES: a fixed word, a date, a slot, a slug, a
 * document's index, a reference), so a visitor cannot mint cache entries out of junk values either.
 * No imports: next.config.ts reads this file.
 */

export type PageQuery = Record<string, string | string[] | undefined>;

/** `keys: null`: the page reads no query at all and has no state segment. */
type StaticRoute = { pattern: RegExp; keys: readonly string[] | null };

/** A service or place slug in a cached page's path. */
export const SEGMENT = "[A-Za-z0-9-]{1,80}";

/** The details form (step 3): proxy.ts also starts its no-JavaScript wait (lib/pow/wait-cookie.ts). */
export const DETAILS_ROUTE: StaticRoute = { pattern: new RegExp(`^/book/${SEGMENT}/details$`), keys: ["slot", "checklist", "office"] };

/** Citizen paths rendered once and cached, with the query parameters each one reads. */
const STATIC_ROUTES: readonly StaticRoute[] = [
  // `ready`: the boxes ticked before the checklist was sent back incomplete.
  { pattern: new RegExp(`^/services/${SEGMENT}$`), keys: ["incomplete", "office", "ready"] },
  { pattern: new RegExp(`^/book/${SEGMENT}$`), keys: ["ready", "checklist", "date", "missing", "taken", "office"] },
  DETAILS_ROUTE,
  { pattern: /^\/check$/, keys: ["reference", "expired"] },
  { pattern: /^\/$/, keys: null },
  // A service point's home (several public places): the place is in the path, no query.
  { pattern: new RegExp(`^/tempat/${SEGMENT}$`), keys: null },
  { pattern: /^\/check\/recover$/, keys: null },
  { pattern: /^\/transparansi$/, keys: null },
];

const MAX_VALUE = 100;
const MAX_VALUES = 40;

/** The `office` value every impossible place name becomes: no place has this slug. */
const UNKNOWN_PLACE = "-";
const PLACE = new RegExp(`^${SEGMENT}$`);

const only = (word: string) => (v: string) => (v === word ? v : null);
const matching = (pattern: RegExp) => (v: string) => (pattern.test(v) ? v : null);
/** lib/reference.ts's alphabet and length, as a person may type it (lower case, a dash or spaces): the canonical form. */
const REFERENCE = /^[ABCDEFGHJKMNPQRSTVWXYZ2-9]{8}$/;
const reference = (v: string) => {
  const canonical = v.toUpperCase().replace(/[\s-]/g, "");
  return REFERENCE.test(canonical) ? canonical : null;
};

/**
 * Each key's values as the pages make them (the redirects and links of app/[locale]); anything else is
 * dropped before it names a cache entry (a page treats a dropped value as an absent one).
 */
const VALUES: Record<string, (value: string) => string | null> = {
  incomplete: only("1"),
  missing: only("1"),
  taken: only("1"),
  expired: only("1"),
  checklist: only("confirmed"),
  ready: matching(/^[0-9]{1,2}$/),
  date: matching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/),
  slot: matching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{2}:[0-9]{2}$/),
  // A place that cannot exist is still a place asked for (a 404, not the default office's page): every such
  // value is the one slug "-", which no place has.
  office: (v) => (PLACE.test(v) ? v : UNKNOWN_PLACE),
  reference,
};

/** The cached route a path belongs to, or null for a page rendered per request. */
export function staticRouteFor(pathname: string): StaticRoute | null {
  return STATIC_ROUTES.find((r) => r.pattern.test(pathname)) ?? null;
}

/** The internal path of a cached citizen page: locale, the path, and the state segment if it reads a query. */
export function staticPagePath(locale: string, pathname: string, route: StaticRoute, search: URLSearchParams): string {
  const path = pathname === "/" ? "" : pathname;
  return route.keys === null ? `${locale}${path}` : `${locale}${path}/${encodePageState(search, route.keys)}`;
}

/** The state segment for a query: only the route's keys, sorted, bounded, printable. */
export function encodePageState(search: URLSearchParams, keys: readonly string[]): string {
  const pairs: [string, string][] = [];
  for (const key of [...keys].sort()) {
    const valid = VALUES[key] ?? ((v: string) => v);
    const values = search
      .getAll(key)
      .filter((v) => v.length > 0 && v.length <= MAX_VALUE && !/[\x00-\x1f\x7f]/.test(v))
      .map(valid)
      .filter((v): v is string => v !== null)
      .sort();
    for (const value of [...new Set(values)].slice(0, MAX_VALUES)) pairs.push([key, value]);
  }
  if (pairs.length === 0) return "_";
  return "q" + Buffer.from(new URLSearchParams(pairs).toString()).toString("base64url");
}

/** The query a state segment carries, shaped like Next's searchParams; null for a segment never made. */
export function decodePageState(segment: string): PageQuery | null {
  if (segment === "_") return {};
  let search: string;
  if (/^q[A-Za-z0-9_-]{1,4000}$/.test(segment)) search = Buffer.from(segment.slice(1), "base64url").toString();
  else if (/^~[A-Za-z0-9_=&:.-]{1,400}$/.test(segment)) search = segment.slice(1);
  // A page gets its params percent-encoded (Next's getParamValue): `~checklist%3Dconfirmed`.
  else if (/^~[A-Za-z0-9_.%-]{1,800}$/.test(segment) && /^~[A-Za-z0-9_=&:.-]{1,400}$/.test(decodeParam(segment))) search = decodeParam(segment).slice(1);
  else return null;
  const query: PageQuery = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

function decodeParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

/** A single value (the first, if the parameter was repeated). */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
