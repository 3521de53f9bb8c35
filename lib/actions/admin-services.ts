"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaffAction } from "../auth/session";
import { createForm, updateForm } from "../dal/admin-forms";
import { createService, replaceRequirements, setServiceActive, updateService } from "../dal/admin-services";
import { AppError, type FieldErrors } from "../errors";
import { getTranslator } from "../i18n/server";
import { formDataToObject, parseInput } from "../validation/parse";
import { CreateFormLinkSchema, CreateServiceSchema, FormLinkSchema, parseRequirementRows, ServiceSchema, ServiceSlugSchema, SetServiceActiveSchema } from "../validation/services";
import { toFormState, type FormState } from "./form-state";

const SERVICES_PATH = "/staff/admin/services";
const FORMS_PATH = "/staff/admin/forms";

/** What was typed, to show again after a refusal (every string field of the post). */
function typed(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}

/** Citizen pages read services through the read cache (dropped by the data layer); rendered pages follow. */
function refreshPublic(): void {
  revalidatePath("/", "layout");
}

export async function createServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let slug: string;
  try {
    const actor = await requireStaffAction("settings.manage");
    slug = (await createService(actor, actor.officeId, parseInput(CreateServiceSchema, formDataToObject(formData)))).slug;
  } catch (error) {
    return toFormState(error, await getTranslator(), typed(formData));
  }
  refreshPublic();
  redirect(`${SERVICES_PATH}/${slug}?saved=created`);
}

/** One action for a service's three forms; `intent` names which (details, active, requirements). */
export async function updateServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let slug: string;
  try {
    const actor = await requireStaffAction("settings.manage");
    const raw = formDataToObject(formData);
    slug = parseInput(ServiceSlugSchema, raw.serviceSlug ?? "");
    const intent = formData.get("intent");
    if (intent === "details") await updateService(actor, actor.officeId, slug, parseInput(ServiceSchema, raw));
    else if (intent === "active") await setServiceActive(actor, actor.officeId, slug, parseInput(SetServiceActiveSchema, raw).active);
    else if (intent === "requirements") {
      const { rows, fields } = parseRequirementRows(raw);
      if (Object.keys(fields).length > 0) throw new AppError("validation", "error.validation", { fields: fields as FieldErrors });
      await replaceRequirements(actor, actor.officeId, slug, rows);
    } else return { status: "idle" };
  } catch (error) {
    return toFormState(error, await getTranslator(), typed(formData));
  }
  refreshPublic();
  redirect(`${SERVICES_PATH}/${slug}?saved=updated`);
}

export async function formLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireStaffAction("settings.manage");
    const raw = formDataToObject(formData);
    if (formData.get("intent") === "create") await createForm(actor, actor.officeId, parseInput(CreateFormLinkSchema, raw));
    else await updateForm(actor, actor.officeId, parseInput(ServiceSlugSchema, raw.formSlug ?? ""), parseInput(FormLinkSchema, raw));
  } catch (error) {
    return toFormState(error, await getTranslator(), typed(formData));
  }
  refreshPublic();
  redirect(`${FORMS_PATH}?saved=1`);
}
