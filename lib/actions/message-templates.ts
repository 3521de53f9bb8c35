"use server";

import { resetTemplate, saveTemplate } from "../dal/message-templates";
import { getPublicSite } from "../env";
import type { Locale } from "../i18n/messages";
import { SAMPLE_PARAMS } from "../messages/template-rules";
import { renderMessage, type MessageKind } from "../messages/templates";
import { parseTemplateInput, TemplateKeySchema } from "../validation/message-templates";
import { defineAction, type RawForm, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

export type TemplateFormState = FormState & { preview?: { subject: string; text: string } };

/** The subject and body as typed, whole (a body may be up to 2,000 characters, longer than the default echo keeps). */
function typedTemplate(raw: RawForm): Record<string, string> {
  return { subject: String(raw.subject ?? ""), body: String(raw.body ?? "") };
}

/** Preview (rendered with a made-up booking, nothing saved), save, or reset to the default. */
export const messageTemplateAction = defineAction(
  { permission: "settings.manage", schema: TemplateKeySchema, echo: typedTemplate },
  async (key, { actor, raw }): Promise<TemplateFormState | Redirect> => {
    const path = `/staff/admin/templates/${key.kind}/${key.language}`;
    if (raw.intent === "reset") {
      await resetTemplate(actor, { kind: key.kind as MessageKind, language: key.language });
      return { redirect: `${path}?saved=reset` };
    }
    const input = parseTemplateInput(raw);
    if (raw.intent === "preview") {
      const rendered = renderMessage(input, SAMPLE_PARAMS, input.language as Locale, getPublicSite().origin);
      return { status: "idle", values: typedTemplate(raw), preview: { subject: rendered.subject, text: rendered.text } };
    }
    await saveTemplate(actor, input);
    return { redirect: `${path}?saved=1` };
  },
);
