import { Checkbox, Field, SelectField } from "@/components/ui/field";
import type { SettingGroup } from "./settings-form";

type Props = {
  group: SettingGroup;
  /** What was typed, put back after a refusal (else each field's own value). */
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  optionalText?: string;
  /** The space between fields. */
  gap: "gap-3" | "gap-4";
};

/** One group of an admin form (a legend, then its fields by type), shared by the settings and the other admin forms. */
export function SettingFieldset({ group, values, errors, optionalText, gap }: Props) {
  const valueOf = (name: string, fallback: string) => values?.[name] ?? fallback;
  return (
    <fieldset className={`flex flex-col ${gap} rounded-xl border border-slate-200 bg-white p-4`}>
      <legend className="px-1 text-lg font-bold">{group.heading}</legend>
      {group.fields.map((f) =>
        f.type === "checkbox" ? (
          <Checkbox key={f.name} name={f.name} label={f.label} defaultChecked={["on", "true"].includes(valueOf(f.name, f.value))} errors={errors?.[f.name]} />
        ) : f.type === "file" ? (
          <Field
            key={f.name}
            name={f.name}
            id={f.id ?? `field-${f.name}`}
            label={f.label}
            hint={f.hint}
            type="file"
            accept={f.accept}
            optionalText={f.optional ? optionalText : undefined}
            errors={errors?.[f.name]}
          />
        ) : f.type === "select" ? (
          <SelectField key={f.name} name={f.name} label={f.label} options={f.options} defaultValue={valueOf(f.name, f.value)} errors={errors?.[f.name]} />
        ) : (
          <Field
            key={f.name}
            name={f.name}
            id={f.id ?? `field-${f.name.replace(/\./g, "-")}`}
            label={f.label}
            hint={f.hint}
            type={f.type}
            inputMode={f.type === "number" ? "numeric" : undefined}
            min={f.min}
            max={f.max}
            optionalText={f.optional ? optionalText : undefined}
            defaultValue={valueOf(f.name, f.value)}
            errors={errors?.[f.name]}
          />
        ),
      )}
    </fieldset>
  );
}
