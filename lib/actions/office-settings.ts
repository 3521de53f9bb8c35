"use server";

import { revalidatePath } from "next/cache";
import { previewOfficeSettings, updateOfficeSettings, type PreviewDay } from "../dal/office-settings";
import { OFFICE_SETTING_KEYS, OfficeSettingsSchema } from "../validation/office-settings";
import { defineAction, type RawForm, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

export type SettingsFormState = FormState & { preview?: PreviewDay[] };

const SETTINGS_PATH = "/staff/admin/settings";

/** What was typed, whole (some texts may be up to 500 characters, longer than the default echo keeps). */
function typedSettings(raw: RawForm): Record<string, string> {
  return Object.fromEntries(OFFICE_SETTING_KEYS.map((key) => [key, typeof raw[key] === "string" ? raw[key] : ""]));
}

/** "Preview" shows what the typed values do to the next days; "Save" writes them. Both parse the same way. */
export const officeSettingsAction = defineAction(
  { permission: "settings.manage", schema: OfficeSettingsSchema, echo: typedSettings },
  async (input, { actor, raw }): Promise<SettingsFormState | Redirect> => {
    if (raw.intent === "preview") {
      return { status: "idle", values: typedSettings(raw), preview: await previewOfficeSettings(actor, input) };
    }
    await updateOfficeSettings(actor, input);
    // Citizen pages read the office through the read cache (already dropped); rendered pages follow too.
    revalidatePath("/", "layout");
    return { redirect: `${SETTINGS_PATH}?saved=1` };
  },
);
