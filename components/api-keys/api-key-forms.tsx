"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field } from "@/components/ui/field";
import { createApiKeyAction, revokeApiKeyAction, type ApiKeyFormState } from "@/lib/actions/api-keys";

const IDLE: ApiKeyFormState = { status: "idle" };

type CreateText = { name: string; nameHint: string; scopes: string; scopeLabels: { value: string; label: string }[]; submit: string; created: string };

export function CreateApiKeyForm({ text }: { text: CreateText }) {
  const [state, action, pending] = useActionState(createApiKeyAction, IDLE);
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.key ? (
        <Alert tone="success">
          <p>{text.created}</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-base" data-testid="new-api-key">
            {state.key}
          </code>
        </Alert>
      ) : null}
      <Field label={text.name} name="name" hint={text.nameHint} errors={errors.name} defaultValue={state.values?.name} maxLength={100} required />
      <fieldset>
        <legend className="font-semibold">{text.scopes}</legend>
        {errors.scopes?.length ? <p className="text-sm font-semibold text-red-800">{errors.scopes.join(" ")}</p> : null}
        {text.scopeLabels.map((s) => (
          <Checkbox key={s.value} id={`scope-${s.value}`} name="scopes" value={s.value} label={s.label} />
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {text.submit}
      </Button>
    </form>
  );
}

export function RevokeApiKeyForm({ apiKeyId, label, ariaLabel }: { apiKeyId: string; label: string; ariaLabel: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={ariaLabel}>
        {label}
      </Button>
      {state.status === "error" ? <p role="alert" className="text-sm font-semibold text-red-800">{state.message}</p> : null}
    </form>
  );
}
