import type { Translator } from "@/lib/i18n/translate";

const KEYS = [
  "title", "checkIn", "checkInOpens", "checkInOpen", "ahead", "next", "eta", "etaNote", "near", "called", "calledNumber",
  "recalls", "serving", "done", "noShow", "noShowMissed", "transferred", "nowServing", "nowServingRow", "nobodyServing", "typicalWait", "refresh", "live",
  "offline", "alertsOn", "alertsEnabled",
] as const;

export type LiveQueueLabels = Record<(typeof KEYS)[number], string>;

/** The live status's words, resolved on the server in the reader's language; `{name}` filled on the client. */
export function liveQueueLabels(t: Translator): LiveQueueLabels {
  return Object.fromEntries(KEYS.map((k) => [k, t(`live.${k}`)])) as LiveQueueLabels;
}

export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
