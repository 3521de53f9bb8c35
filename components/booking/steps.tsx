import type { Translator } from "@/lib/i18n/translate";

const STEPS = ["steps.service", "steps.schedule", "steps.details", "steps.done"] as const;

/** "Langkah 2 dari 4" with the step names; the current one is marked for screen readers. */
export function Steps({ current, t }: { current: 1 | 2 | 3 | 4; t: Translator }) {
  return (
    <nav aria-label={t("steps.label")} className="mb-4">
      <p className="text-sm font-semibold text-muted">{t("steps.current", { step: current })}</p>
      <ol className="mt-1 flex gap-1" role="list">
        {STEPS.map((key, i) => (
          <li
            key={key}
            aria-current={i + 1 === current ? "step" : undefined}
            className={`flex-1 rounded px-1 py-1 text-center text-xs ${i + 1 <= current ? "bg-brand-600 text-white" : "bg-slate-200 text-ink"}`}
          >
            {t(key)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
