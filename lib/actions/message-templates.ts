"use server";

import { redirect } from "next/navigation";
import { requireStaffAction } from "../auth/session";
import { resetTemplate, saveTemplate } from "../dal/message-templates";
import { getPublicSite } from "../env";
import { getTranslator } from "../i18n/server";
import type { Locale } from "../i18n/messages";
import { SAMPLE_PARAMS } from "../messages/template-rules";
import { renderMessage, type MessageKind } from "../messages/templates";
import { parseTemplateInput, TemplateKeySchema } from "../validation/message-templates";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

export type TemplateFormState = FormState & { preview?: { subject: string; text: string } };

/** Preview (rendered with a made-up booking, nothing saved), save, or reset to the default. */
export async function messageTemplateAction(_previous: TemplateFormState, formData: FormData): Promise<TemplateFormState> {
  const raw = formDataToObject(formData);
  const typed = { subject: String(raw.subject ?? ""), body: String(raw.body ?? "") };
  let path: string;
  try {
    const actor = await requireStaffAction("settings.manage");
    const key = parseInput(TemplateKeySchema, raw);
    path = `/staff/admin/templates/${key.kind}/${key.language}`;
    const intent = formData.get("intent");
    if (intent === "reset") {
      await resetTemplate(actor, actor.officeId, key.kind as MessageKind, key.language);
      redirect(`${path}?saved=reset`);
    }
    const input = parseTemplateInput(raw);
    if (intent === "preview") {
      const rendered = renderMessage(input, SAMPLE_PARAMS, input.language as Locale, getPublicSite().origin);
      return { status: "idle", values: typed, preview: { subject: rendered.subject, text: rendered.text } };
    }
    await saveTemplate(actor, actor.officeId, input);
  } catch (error) {
    return toFormState(error, await getTranslator(), typed);
  }
  redirect(`${path}?saved=1`);
}
