import type { MessageParams } from "@/db/schema/messages";
import { DEFAULT_TEMPLATES, type MessageKind } from "./templates";

/** Every kind that has a default text: a kind added later is editable as soon as it has one. */
export const MESSAGE_KINDS = Object.keys(DEFAULT_TEMPLATES.id) as MessageKind[];

/** Every placeholder a template may use: exactly the values `templateValues` fills. There is no NIK among them. */
export const PLACEHOLDERS = ["reference", "queueNumber", "service", "date", "session", "arriveBy", "place", "address", "bring", "link", "surveyLink", "deadline", "reason", "rebookUntil", "rebookLink"] as const;

export type PlaceholderProblem = { kind: "unknown" | "nik"; placeholder: string };

/** The first placeholder a template may not use: a NIK (in any spelling) or one that nothing fills. */
export function findPlaceholderProblem(text: string): PlaceholderProblem | null {
  for (const match of text.matchAll(/\{([^{}]{0,40})\}/g)) {
    const name = match[1]!.trim();
    if (/nik|ktp.?number|nomor.?induk/i.test(name)) return { kind: "nik", placeholder: `{${name}}` };
    if (!(PLACEHOLDERS as readonly string[]).includes(match[1]!)) return { kind: "unknown", placeholder: `{${match[1]}}` };
  }
  return null;
}

/** The booking the preview shows: made up, so a preview never shows a real person's data. */
export const SAMPLE_PARAMS: MessageParams = {
  reference: "ABCD2345",
  queueNumber: "A-017",
  service: "KTP-el",
  date: "2026-12-07",
  sessionStart: "09:00",
  sessionEnd: "10:00",
  arriveBy: "08:45",
  place: "Disdukcapil",
  address: "Jl. Contoh No. 1",
  bring: ["Kartu Keluarga (asli)", "Fotokopi akta kelahiran"],
  link: "/booking/ABCD2345",
  deadlineDate: "2026-12-06",
  deadlineTime: "14:30",
  reason: "SIAK sedang gangguan",
  rebookUntil: "2026-12-09 14:30",
  rebookLink: "/booking/ABCD2345/rebook",
};
