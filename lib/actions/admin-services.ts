"use server";

import { revalidatePath } from "next/cache";
import { createForm, deleteForm, removeFormFile, setFormFile, updateForm } from "../dal/admin-forms";
import { createService, replaceRequirements, setServiceActive, updateService } from "../dal/admin-services";
import { AppError, type FieldErrors } from "../errors";
import { hasUpload, parseFormFile } from "../validation/form-file";
import { parseInput } from "../validation/parse";
import { CreateFormLinkSchema, CreateServiceSchema, FormLinkSchema, parseRequirementRows, ServiceSchema, ServiceSlugSchema, SetServiceActiveSchema } from "../validation/services";
import { defineAction, type RawForm, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

const SERVICES_PATH = "/staff/admin/services";
const FORMS_PATH = "/staff/admin/forms";

/** What was typed, to show again after a refusal: every string field of the post, whole (a repeated one: its last value). */
function typed(raw: RawForm): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? (value.at(-1) ?? "") : value]));
}

/** Citizen pages read services through the read cache (dropped by the data layer); rendered pages follow. */
function refreshPublic(): void {
  revalidatePath("/", "layout");
}

export const createServiceAction = defineAction(
  { permission: "settings.manage", schema: CreateServiceSchema, echo: typed },
  async (input, { actor }): Promise<FormState | Redirect> => {
    const { slug } = await createService(actor, input);
    refreshPublic();
    return { redirect: `${SERVICES_PATH}/${slug}?saved=created` };
  },
);

/** One action for a service's three forms; `intent` names which (details, active, requirements). */
export const updateServiceAction = defineAction(
  { permission: "settings.manage", echo: typed },
  async (raw, { actor }): Promise<FormState | Redirect> => {
    const slug = parseInput(ServiceSlugSchema, raw.serviceSlug ?? "");
    const intent = raw.intent;
    if (intent === "details") await updateService(actor, { ...parseInput(ServiceSchema, raw), slug });
    else if (intent === "active") await setServiceActive(actor, { slug, active: parseInput(SetServiceActiveSchema, raw).active });
    else if (intent === "requirements") {
      const { rows, fields } = parseRequirementRows(raw);
      if (Object.keys(fields).length > 0) throw new AppError("validation", "error.validation", { fields: fields as FieldErrors });
      await replaceRequirements(actor, { slug, requirements: rows });
    } else return { status: "idle" };
    refreshPublic();
    return { redirect: `${SERVICES_PATH}/${slug}?saved=updated` };
  },
);

/**
 * One action for the forms page; `intent` names the form: create (a link, a PDF or both), update (names and
 * link), file (upload or replace the PDF), file_delete, delete. The PDF is checked by its bytes (422).
 */
export const formLinkAction = defineAction(
  { permission: "settings.manage", echo: typed },
  async (raw, { actor, files }): Promise<FormState | Redirect> => {
    if (raw.intent === "create") {
      const input = parseInput(CreateFormLinkSchema, raw);
      await createForm(actor, { ...input, file: hasUpload(files.file) ? await parseFormFile(files.file, input.slug) : undefined });
    } else {
      const slug = parseInput(ServiceSlugSchema, raw.formSlug ?? "");
      if (raw.intent === "file") await setFormFile(actor, { slug, file: await parseFormFile(files.file, slug) });
      else if (raw.intent === "file_delete") await removeFormFile(actor, { slug });
      else if (raw.intent === "delete") await deleteForm(actor, { slug });
      else await updateForm(actor, { ...parseInput(FormLinkSchema, raw), slug });
    }
    refreshPublic();
    return { redirect: `${FORMS_PATH}?saved=1` };
  },
);
