import type { ComponentProps } from "react";

export function Card({ className = "", ...props }: ComponentProps<"section">) {
  return <section className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 ${className}`} {...props} />;
}

type Tone = "info" | "success" | "warning" | "error";
const tones: Record<Tone, string> = {
  info: "border-brand-600 bg-brand-50",
  success: "border-green-700 bg-green-50",
  warning: "border-amber-600 bg-amber-50",
  error: "border-red-700 bg-red-50",
};

/** A message box; errors are announced to screen readers. */
export function Alert({ tone = "info", className = "", ...props }: ComponentProps<"div"> & { tone?: Tone }) {
  return <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border-l-4 p-4 ${tones[tone]} ${className}`} {...props} />;
}
