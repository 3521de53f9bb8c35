/** The named query parameters as a plain object for zod; others (and `lang`) are ignored. */
export function queryObject(request: Request, names: readonly string[]): Record<string, string> {
  const params = new URL(request.url).searchParams;
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}
