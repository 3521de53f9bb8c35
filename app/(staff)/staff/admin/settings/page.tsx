import type { Metadata } from "next";
import { SettingsForm, type SettingGroup } from "@/components/staff/admin/settings-form";
import { Alert } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { getOfficeSettings, type OfficeSettings } from "@/lib/dal/office-settings";
import type { MessageKey } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.settings") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Def = { name: keyof OfficeSettings; type: SettingGroup["fields"][number]["type"]; min?: number; max?: number };

const GROUPS: { heading: MessageKey; fields: Def[] }[] = [
  {
    heading: "admin.settings.group.office",
    fields: [{ name: "name", type: "text" }, { name: "shortName", type: "text" }, { name: "address", type: "text" }, { name: "website", type: "url" }],
  },
  {
    heading: "admin.settings.group.capacity",
    fields: [
      { name: "dailyCap", type: "number", min: 0, max: 10_000_000 },
      { name: "walkInReservePercent", type: "number", min: 0, max: 100 },
      { name: "phoneDailyLimit", type: "number", min: 1, max: 50 },
      { name: "allowSeveralServicesPerDay", type: "checkbox" },
    ],
  },
  {
    heading: "admin.settings.group.window",
    fields: [
      { name: "bookingDaysAhead", type: "number", min: 1, max: 90 },
      { name: "bookingOpensAt", type: "time" },
      { name: "bookingCutoffDaysBefore", type: "number", min: 0, max: 90 },
      { name: "bookingCutoffAt", type: "time" },
      { name: "observesNationalHolidays", type: "checkbox" },
    ],
  },
  {
    heading: "admin.settings.group.queue",
    fields: [
      { name: "checkInOpensMinutes", type: "number", min: 0, max: 600 },
      { name: "checkInGraceMinutes", type: "number", min: 0, max: 240 },
      { name: "lateArrivalPolicy", type: "select" },
      { name: "noShowAfterCalls", type: "number", min: 1, max: 10 },
      { name: "nearTurnAhead", type: "number", min: 0, max: 50 },
      { name: "isPriorityEnabled", type: "checkbox" },
    ],
  },
  {
    heading: "admin.settings.group.fairness",
    fields: [
      { name: "releaseDelayMinutes", type: "number", min: 0, max: 1440 },
      { name: "standbyOfferMinutes", type: "number", min: 5, max: 1440 },
      { name: "priorityRebookPercent", type: "number", min: 0, max: 100 },
      { name: "powDifficulty", type: "number", min: 1, max: 1_000_000 },
      { name: "isLotteryEnabled", type: "checkbox" },
      { name: "lotteryWindowMinutes", type: "number", min: 1, max: 1440 },
    ],
  },
  { heading: "admin.settings.group.privacy", fields: [{ name: "retentionDays", type: "number", min: 30, max: 3650 }] },
];

/** Every tunable of the office, with a preview of the next two weeks' online places before saving. */
export default async function OfficeSettingsPage({ searchParams }: Props) {
  const actor = await requireStaffPage("settings.manage");
  const [t, settings, params] = await Promise.all([getTranslator(), getOfficeSettings(actor, actor.officeId), searchParams]);
  const groups: SettingGroup[] = GROUPS.map((g) => ({
    heading: t(g.heading),
    fields: g.fields.map((d) => {
      const raw = settings[d.name];
      const value = typeof raw === "boolean" ? (raw ? "on" : "") : String(raw ?? "");
      return {
        ...d,
        value,
        label: t(`admin.settings.${d.name}` as MessageKey),
        hint: d.min !== undefined ? t("admin.settings.range", { min: d.min, max: d.max ?? "" }) : undefined,
        options:
          d.type === "select"
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
