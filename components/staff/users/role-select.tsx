import type { StaffRole } from "@/db/schema";

/** A labelled role picker; the labels come translated from the page. */
export function RoleSelect({ id, label, roles, defaultValue, errors }: { id: string; label: string; roles: { value: StaffRole; label: string }[]; defaultValue?: string; errors?: string[] }) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={defaultValue}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className="min-h-12 rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg focus:border-brand-600"
      >
        {roles.map((role) => (
          <option key={role.value} value={role.value}>
            {role.label}
          </option>
        ))}
      </select>
      {errorId ? (
        <p id={errorId} className="text-sm font-semibold text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
