import { SlotSchema } from "./validation/fields";

/** The slot picker's value (`2026-12-07_08:00`) through the shared date and session parser; null when unusable. */
export function parseSlot(value: unknown): { date: string; session: string } | null {
  const result = SlotSchema.safeParse(value);
  return result.success ? result.data : null;
}

export function formatSlot(date: string, session: string): string {
  return `${date}_${session}`;
}
