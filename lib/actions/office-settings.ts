"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaffAction } from "../auth/session";
import { previewOfficeSettings, updateOfficeSettings, type PreviewDay } from "../dal/office-settings";
import { getTranslator } from "../i18n/server";
import { OFFICE_SETTING_KEYS, OfficeSettingsSchema } from "../validation/office-settings";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

export type SettingsFormState = FormState & { preview?: PreviewDay[] };

const SETTINGS_PATH = "/staff/admin/settings";

/** "Preview" shows what the typed values do to the next days; "Save" writes them. Both parse the same way. */
export async function officeSettingsAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  const typed = Object.fromEntries(OFFICE_SETTING_KEYS.map((key) => [key, String(formData.get(key) ?? "")]));
  try {
    const actor = await requireStaffAction("settings.manage");
    const input = parseInput(OfficeSettingsSchema, formDataToObject(formData));
    if (formData.get("intent") === "preview") {
      return { status: "idle", values: typed, preview: await previewOfficeSettings(actor, actor.officeId, input) };
    }
    await updateOfficeSettings(actor, actor.officeId, input);
  } catch (error) {
    return toFormState(error, await getTranslator(), typed);
  }
  // Citizen pages read the office through the read cache (already dropped); rendered pages follow too.
  revalidatePath("/", "layout");
  redirect(`${SETTINGS_PATH}?saved=1`);
}
