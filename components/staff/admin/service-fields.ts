import type { AdminForm } from "@/lib/dal/admin-forms";
import type { AdminRequirement, AdminService } from "@/lib/dal/admin-services";
import type { MessageKey } from "@/lib/i18n/messages";
import type { Translator } from "@/lib/i18n/translate";
import { DOCUMENT_COPIES, REQUIREMENT_KINDS } from "@/lib/requirements";
import type { SettingField, SettingGroup } from "./settings-form";

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** The service's own fields (names, category, letter, age rule, cap, order), for the new and the edit page. */
export function serviceFieldGroups(t: Translator, service: AdminService | null, withSlug: boolean): SettingGroup[] {
  const f = (name: string, type: SettingField["type"], extra: Partial<SettingField> = {}): SettingField => ({
    name,
    type,
    label: t(`admin.services.field.${name}` as MessageKey),
    value: str(service?.[name as keyof AdminService]),
    ...extra,
  });
  return [
    {
      heading: t("admin.services.group.names"),
      fields: [
        ...(withSlug ? [f("slug", "text", { hint: t("admin.services.slugHint") })] : []),
        f("name", "text"),
        f("nameEn", "text", { optional: true }),
        f("category", "text"),
        f("categoryEn", "text", { optional: true }),
        f("queueLetter", "text", { hint: t("admin.services.letterHint") }),
        f("position", "number", { min: 0, max: 999, hint: t("admin.services.positionHint"), value: str(service?.position ?? 0) }),
      ],
    },
    {
      heading: t("admin.services.group.rules"),
      fields: [
        f("minAge", "number", { min: 0, max: 120, optional: true }),
        f("maxAge", "number", { min: 0, max: 120, optional: true }),
        f("eligibilityNote", "text", { optional: true }),
        f("eligibilityNoteEn", "text", { optional: true }),
        f("dailyCap", "number", { min: 0, max: 10_000_000, optional: true, hint: t("admin.services.dailyCapHint") }),
      ],
    },
  ];
}

const BLANK_REQUIREMENT_ROWS = 3;

/** One fieldset per requirement, then a few empty rows to add new ones; emptying a row's text removes it. */
export function requirementFieldGroups(t: Translator, requirements: AdminRequirement[], forms: AdminForm[]): SettingGroup[] {
  const blank: AdminRequirement = { text: "", textEn: null, kind: "document", copy: null, copies: null, position: 0, formId: null };
  const rows = [...requirements, ...Array.from({ length: BLANK_REQUIREMENT_ROWS }, (_, i) => ({ ...blank, position: requirements.length + i }))];
  return rows.map((r, i) => ({
    heading: i < requirements.length ? t("admin.requirements.row", { n: i + 1 }) : t("admin.requirements.newRow", { n: i + 1 }),
    fields: [
      { name: `r${i}.text`, type: "text", label: t("admin.requirements.text"), value: r.text },
      { name: `r${i}.textEn`, type: "text", label: t("admin.requirements.textEn"), value: str(r.textEn), optional: true },
      {
        name: `r${i}.kind`,
        type: "select",
        label: t("admin.requirements.kind"),
        value: r.kind,
        options: REQUIREMENT_KINDS.map((k) => ({ value: k, label: t(`admin.requirements.kind.${k}`) })),
      },
      {
        name: `r${i}.copy`,
        type: "select",
        label: t("admin.requirements.copy"),
        value: str(r.copy),
        options: [{ value: "", label: t("admin.requirements.copy.none") }, ...DOCUMENT_COPIES.map((c) => ({ value: c, label: t(`requirement.copy.${c}`) }))],
      },
      { name: `r${i}.copies`, type: "number", label: t("admin.requirements.copies"), value: str(r.copies), min: 1, max: 20, optional: true },
      { name: `r${i}.position`, type: "number", label: t("admin.requirements.position"), value: String(i), min: 0, max: 999 },
      {
        name: `r${i}.form`,
        type: "select",
        label: t("admin.requirements.form"),
        value: str(r.formId),
        options: [{ value: "", label: t("admin.requirements.form.none") }, ...forms.map((form) => ({ value: form.id, label: form.name }))],
      },
    ],
  }));
}
