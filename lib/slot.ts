/** A date + session chosen in the slot picker travels as one value: `2026-12-07_08:00`. */
export function parseSlot(value: unknown): { date: string; session: string } | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4}-\d{2}-\d{2})_(\d{2}:\d{2})$/.exec(value);
  return match ? { date: match[1]!, session: match[2]! } : null;
}

export function formatSlot(date: string, session: string): string {
  return `${date}_${session}`;
}
