import type { ComponentProps, ReactNode, Ref } from "react";

/** The kiosk's text box: large enough to read from a step back and to hit with a finger. Letter-spaced only
 * for the code: the NIK's 16 dots must fit its column on a 1024 px screen. */
export const KIOSK_INPUT = "min-h-18 w-full min-w-0 rounded-xl border-4 border-slate-400 bg-white px-4 text-4xl font-bold focus:border-brand-600";

/**
 * The booking reference box of the kiosk's check-in and survey: typed or scanned (a QR scanner types it
 * and presses Enter), shown in capitals, selected on focus so the next scan replaces a failed code.
 */
export function KioskReferenceInput({ className, ...props }: ComponentProps<"input"> & { id: string }) {
  return (
    <input
      name="reference"
      required
      maxLength={200}
      autoFocus
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      onFocus={(e) => e.currentTarget.select()}
      {...props}
      className={`${KIOSK_INPUT} uppercase tracking-widest ${className ?? ""}`.trim()}
    />
  );
}

/** The kiosk's refusal box (check-in and survey alike): compact, it takes the place of the intro. */
export function KioskAlert({ title, message, ref }: { title: string; message?: string; ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} role="alert" className="scroll-mt-3 rounded-2xl border-l-[12px] border-red-700 bg-red-50 px-6 py-2 text-red-950">
      <p className="text-2xl font-bold">{title}</p>
      <p className="mt-1 text-xl">{message}</p>
    </div>
  );
}

/**
 * One kiosk field: the large label, its hint, the input (given the ids it must point at) and its errors.
 * `invalid` defaults to "has errors"; `footer` stands under the field in the same column (the NIK's submit).
 */
export function KioskField({
  id,
  label,
  hint,
  errors,
  invalid,
  footer,
  children,
}: {
  id: string;
  label: string;
  hint: string;
  errors?: string[];
  invalid?: boolean;
  footer?: ReactNode;
  children: (aria: { "aria-describedby": string; "aria-invalid": true | undefined }) => ReactNode;
}) {
  const hasErrors = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-3xl font-bold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-lg text-muted">
        {hint}
      </p>
      {children({ "aria-describedby": `${id}-hint${hasErrors ? ` ${id}-error` : ""}`, "aria-invalid": (invalid ?? hasErrors) ? true : undefined })}
      {hasErrors ? (
        <p id={`${id}-error`} className="text-xl font-bold text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
      {footer}
    </div>
  );
}
