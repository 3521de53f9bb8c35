import type { Metadata } from "next";
import { SettingsForm, type SettingGroup } from "@/components/staff/admin/settings-form";
import { Alert } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { getOfficeSettings, type OfficeSettings } from "@/lib/dal/office-settings";
import type { MessageKey } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { settingRange } from "@/lib/validation/office-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.settings") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Name = keyof OfficeSettings;
type FieldType = SettingGroup["fields"][number]["type"];

/** The inputs that are not told by the setting itself (a bounded whole number, a switch, or else text). */
const INPUT_TYPES: Partial<Record<Name, FieldType>> = { website: "url", bookingOpensAt: "time", bookingCutoffAt: "time", lateArrivalPolicy: "select" };

const GROUPS: { heading: MessageKey; fields: Name[] }[] = [
  { heading: "admin.settings.group.office", fields: ["name", "shortName", "address", "website"] },
  { heading: "admin.settings.group.capacity", fields: ["dailyCap", "walkInReservePercent", "phoneDailyLimit", "allowSeveralServicesPerDay"] },
  { heading: "admin.settings.group.window", fields: ["bookingDaysAhead", "bookingOpensAt", "bookingCutoffDaysBefore", "bookingCutoffAt", "observesNationalHolidays"] },
  { heading: "admin.settings.group.queue", fields: ["checkInOpensMinutes", "checkInGraceMinutes", "lateArrivalPolicy", "noShowAfterCalls", "nearTurnAhead", "isPriorityEnabled"] },
  {
    heading: "admin.settings.group.fairness",
    fields: ["releaseDelayMinutes", "standbyOfferMinutes", "priorityRebookPercent", "powDifficulty", "isLotteryEnabled", "lotteryWindowMinutes"],
  },
  { heading: "admin.settings.group.privacy", fields: ["retentionDays"] },
];

/** Every tunable of the office, with a preview of the next two weeks' online places before saving. */
export default async function OfficeSettingsPage({ searchParams }: Props) {
  const actor = await requireStaffPage("settings.manage");
  const [t, settings, params] = await Promise.all([getTranslator(), getOfficeSettings(actor), searchParams]);
  const groups: SettingGroup[] = GROUPS.map((g) => ({
    heading: t(g.heading),
    fields: g.fields.map((name) => {
      const raw = settings[name];
      const value = typeof raw === "boolean" ? (raw ? "on" : "") : String(raw ?? "");
      const [min, max] = settingRange(name) ?? [];
      return {
        name,
        type: min !== undefined ? "number" : typeof raw === "boolean" ? "checkbox" : (INPUT_TYPES[name] ?? "text"),
        min,
        max,
        value,
        label: t(`admin.settings.${name}` as MessageKey),
        hint: min !== undefined ? t("admin.settings.range", { min, max: max ?? "" }) : undefined,
        options:
          INPUT_TYPES[name] === "select"
            ? [
                { value: "back_of_queue", label: t("admin.settings.late.back_of_queue") },
                { value: "refuse", label: t("admin.settings.late.refuse") },
              ]
            : undefined,
      };
    }),
  }));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("admin.settings.title")}</h1>
      <p>{t("admin.settings.intro")}</p>
      {params.saved ? <Alert tone="success">{t("admin.settings.saved")}</Alert> : null}
      <SettingsForm
        groups={groups}
      />
    </div>
  );
}
