"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { IDLE } from "@/lib/actions/form-state";
import { messageTemplateAction, type TemplateFormState } from "@/lib/actions/message-templates";

type Props = {
  kind: string;
  language: string;
  subject: string;
  body: string;
  isCustom: boolean;
  /** The saved text rendered on the server, shown until a new preview is asked for. */
  initialPreview: { subject: string; text: string };
  /** The placeholders a template may use, named in the body's hint. */
  placeholders: readonly string[];
};

/** The template's subject and body with a preview rendered on the server with a made-up booking. */
export function TemplateForm({ kind, language, subject, body, isCustom, initialPreview, placeholders }: Props) {
  const t = useT();
  const [state, action, isPending] = useActionState<TemplateFormState, FormData>(messageTemplateAction, IDLE);
  const preview = state.preview ?? initialPreview;
  const bodyErrors = state.fields?.body;
  return (
    <form action={action} className="flex flex-col gap-4">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="language" value={language} />
      <Field name="subject" label={t("templates.subject")} defaultValue={state.values?.subject ?? subject} errors={state.fields?.subject} maxLength={200} />
      <div className="flex flex-col gap-1">
        <label htmlFor="field-body" className="font-semibold">{t("templates.body")}</label>
        <p id="field-body-hint" className="text-sm text-muted">{t("templates.placeholders", { list: placeholders.map((p) => `{${p}}`).join(" ") })}</p>
        <textarea
          id="field-body"
          name="body"
          rows={10}
          maxLength={2000}
          defaultValue={state.values?.body ?? body}
          aria-invalid={bodyErrors?.length ? true : undefined}
          aria-describedby={["field-body-hint", bodyErrors?.length ? "field-body-error" : ""].filter(Boolean).join(" ")}
          className={`rounded-lg border-2 bg-white px-3 py-2 font-mono text-base ${bodyErrors?.length ? "border-red-700" : "border-slate-400"}`}
        />
        {bodyErrors?.length ? <p id="field-body-error" className="text-sm font-semibold text-red-800">{bodyErrors.join(" ")}</p> : null}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={isPending}>{t("templates.preview")}</Button>
        <Button type="submit" name="intent" value="save" disabled={isPending}>{t("templates.save")}</Button>
        {isCustom ? <Button type="submit" name="intent" value="reset" variant="danger" disabled={isPending}>{t("templates.reset")}</Button> : null}
      </div>
      <section aria-labelledby="template-preview-heading" className="rounded-xl border-2 border-brand-600 bg-white p-4">
        <h2 id="template-preview-heading" className="text-xl font-bold">{t("templates.previewHeading")}</h2>
        <p className="mb-2 text-sm text-muted">{t("templates.previewNote")}</p>
        <p className="font-semibold" data-testid="preview-subject">{preview.subject}</p>
        <pre className="mt-2 font-sans whitespace-pre-wrap break-words" data-testid="preview-body">{preview.text}</pre>
      </section>
    </form>
  );
}
