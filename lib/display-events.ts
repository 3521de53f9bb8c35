import type { QueueEvent } from "./queue-event";

export type DisplayCall = { queueNumber: string; counterNumber: number; counterName: string; kind: "call" | "recall"; at: string };

/**
 * Everything the waiting-room screen shows, and nothing more: queue numbers and counters only — no
 * NIK, no name, no internal ids — because the screen faces everyone in the room.
 */
export type DisplayState = {
  office: { name: string; shortName: string; timezone: string };
  date: string;
  counters: Array<{ number: number; name: string; current: DisplayCall | null }>;
  recent: DisplayCall[];
  generatedAt: string;
};

/** How many past calls the waiting room sees beside the counters. */
export const RECENT_CALLS = 6;

/** A queue event as the screen receives it: the office id stays on the server. */
export type DisplayEvent = Omit<QueueEvent, "officeId">;

/** The same call arriving twice (in the snapshot and as an event) is one call, not two announcements. */
const SAME_CALL_WINDOW_MS = 5000;

function isSameCall(a: DisplayCall, b: DisplayCall): boolean {
  return (
    a.queueNumber === b.queueNumber &&
    a.counterNumber === b.counterNumber &&
    a.kind === b.kind &&
    Math.abs(Date.parse(a.at) - Date.parse(b.at)) < SAME_CALL_WINDOW_MS
  );
}

/**
 * Applies a live call to the screen's state. Returns the call to announce, or null for an update, an
 * incomplete event or one the screen already shows. Pure: the display runs it in the browser.
 */
export function applyDisplayEvent(state: DisplayState, event: DisplayEvent): { state: DisplayState; call: DisplayCall | null } {
  if (event.kind === "update" || !event.queueNumber || event.counterNumber === undefined) return { state, call: null };
  const existing = state.counters.find((c) => c.number === event.counterNumber);
  const call: DisplayCall = {
    queueNumber: event.queueNumber,
    counterNumber: event.counterNumber,
    counterName: event.counterName ?? existing?.name ?? String(event.counterNumber),
    kind: event.kind,
    at: event.at,
  };
  if (state.recent.some((r) => isSameCall(r, call))) return { state, call: null };
  const counters = existing
    ? state.counters.map((c) => (c.number === call.counterNumber ? { ...c, current: call } : c))
    : [...state.counters, { number: call.counterNumber, name: call.counterName, current: call }].sort((a, b) => a.number - b.number);
  return { state: { ...state, counters, recent: [call, ...state.recent].slice(0, RECENT_CALLS) }, call };
}
