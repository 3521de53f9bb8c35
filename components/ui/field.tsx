import type { ComponentProps } from "react";

type FieldProps = ComponentProps<"input"> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
  /** Shown after the label of a field that may be left empty, e.g. "(opsional)". */
  optionalText?: string;
};

/** A labelled input with its hint and errors tied to it for screen readers. */
export function Field({ label, name, hint, errors, optionalText, id, className = "", ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="font-semibold">
        {label}
        {optionalText ? <span className="font-normal text-muted"> {optionalText}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`min-h-12 rounded-lg border-2 px-3 py-2 text-lg ${errorId ? "border-red-700" : "border-slate-400"} bg-white focus:border-brand-600 ${className}`}
        {...input}
      />
      {errorId ? (
        <p id={errorId} className="text-sm font-semibold text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A large checkbox with its label as the touch target. */
export function Checkbox({ label, name, errors, id, ...input }: ComponentProps<"input"> & { label: string; name: string; errors?: string[] }) {
  const inputId = id ?? `field-${name}`;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div>
      <label htmlFor={inputId} className="flex min-h-12 cursor-pointer items-start gap-3 rounded-lg py-2">
        <input
          id={inputId}
          name={name}
          type="checkbox"
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
          className="mt-1 size-6 shrink-0 accent-brand-600"
          {...input}
        />
        <span>{label}</span>
      </label>
      {errorId ? (
        <p id={errorId} className="text-sm font-semibold text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
