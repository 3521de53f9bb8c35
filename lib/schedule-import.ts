import { isServiceDate } from "./dates";
import type { MessageKey } from "./i18n/messages";

export type ClosureLine = { line: number; date: string; reason: string; reasonEn: string | null };
export type ClosureLineProblem = { line: number; text: string; problem: MessageKey };

export const MAX_CLOSURE_LINES = 120;
const LINE = /^(\d{4}-\d{2}-\d{2})\s*[,;\t ]\s*(.+)$/;

/**
 * The pasted cuti bersama list, one closure a line: `2026-12-24 Cuti bersama Natal`, optionally
 * `| Christmas joint leave` for the English reason. Blank lines and `#` comments are skipped. Every bad
 * line is reported (number, text, problem) so the whole list can be fixed at once; nothing is imported
 * unless every line is right.
 */
export function parseClosureList(text: string, today: string): { closures: ClosureLine[]; problems: ClosureLineProblem[] } {
  const closures: ClosureLine[] = [];
  const problems: ClosureLineProblem[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text || text.startsWith("#")) return;
    const shown = text.slice(0, 80);
    const match = LINE.exec(text);
    if (!match) return problems.push({ line, text: shown, problem: "schedule.import.lineFormat" });
    const [, date, rest] = match as unknown as [string, string, string];
    const [reasonId = "", reasonEnRaw = ""] = rest.split("|").map((part) => part.replace(/\s+/g, " ").trim());
    if (!isServiceDate(date)) return problems.push({ line, text: shown, problem: "schedule.import.lineDate" });
    if (date < today) return problems.push({ line, text: shown, problem: "schedule.field.past" });
    if (!reasonId || reasonId.length > 200 || reasonEnRaw.length > 200) return problems.push({ line, text: shown, problem: "schedule.import.lineReason" });
    if (seen.has(date)) return problems.push({ line, text: shown, problem: "schedule.import.lineDuplicate" });
    seen.add(date);
    closures.push({ line, date, reason: reasonId, reasonEn: reasonEnRaw || null });
  });
  if (closures.length + problems.length > MAX_CLOSURE_LINES) {
    return { closures: [], problems: [{ line: MAX_CLOSURE_LINES + 1, text: "", problem: "schedule.import.tooMany" }] };
  }
  if (closures.length === 0 && problems.length === 0) problems.push({ line: 1, text: "", problem: "schedule.import.empty" });
  return { closures, problems };
}
