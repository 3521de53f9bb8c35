import type { ComponentProps, ReactNode } from "react";

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
      <ErrorText id={errorId} errors={errors} />
    </div>
  );
}

/** A large checkbox with its label as the touch target. */
export function Checkbox({ label, name, errors, id, ...input }: ComponentProps<"input"> & { label: ReactNode; name: string; errors?: string[] }) {
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
      <ErrorText id={errorId} errors={errors} />
    </div>
  );
}

type SelectFieldProps = ComponentProps<"select"> & {
  label: string;
  name: string;
  errors?: string[];
  optionalText?: string;
  /** Plain options; pass children instead for option groups. */
  options?: { value: string; label: string }[];
};

/**
 * A labelled select with its errors tied to it, styled like Field. A new `defaultValue` (what was chosen,
 * sent back after a refusal or a preview) remounts the select: React applies a select's defaultValue only
 * when it mounts, and resets a form after its action, so without the key the select would jump back to
 * the value it was first rendered with.
 */
export function SelectField({ label, name, errors, optionalText, options, id, className = "", children, ...select }: SelectFieldProps) {
  const selectId = id ?? `field-${name}`;
  const errorId = errors?.length ? `${selectId}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={selectId} className="font-semibold">
        {label}
        {optionalText ? <span className="font-normal text-muted"> {optionalText}</span> : null}
      </label>
      <select
        key={select.defaultValue === undefined ? undefined : String(select.defaultValue)}
        id={selectId}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={`min-h-12 rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg focus:border-brand-600 ${className}`}
        {...select}
      >
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      <ErrorText id={errorId} errors={errors} />
    </div>
  );
}

/** A field's error messages, referenced by the control's aria-describedby. */
function ErrorText({ id, errors }: { id?: string; errors?: string[] }) {
  if (!id || !errors?.length) return null;
  return (
    <p id={id} className="text-sm font-semibold text-red-800">
      {errors.join(" ")}
    </p>
  );
}
