"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field } from "@/components/ui/field";
import type { ApiKeyScope } from "@/db/schema";
import { createApiKeyAction, revokeApiKeyAction, type ApiKeyFormState } from "@/lib/actions/api-keys";

const IDLE: ApiKeyFormState = { status: "idle" };

/** `scopes` comes from the page: the schema module that lists them would bring the database layer into the browser. */
export function CreateApiKeyForm({ scopes }: { scopes: readonly ApiKeyScope[] }) {
  const t = useT();
  const [state, action, pending] = useActionState(createApiKeyAction, IDLE);
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.key ? (
        <Alert tone="success">
          <p>{t("apiKeys.created")}</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-base" data-testid="new-api-key">
            {state.key}
          </code>
        </Alert>
      ) : null}
      <Field label={t("apiKeys.name")} name="name" hint={t("apiKeys.nameHint")} errors={errors.name} defaultValue={state.values?.name} maxLength={100} required />
      <fieldset>
        <legend className="font-semibold">{t("apiKeys.scopes")}</legend>
        {errors.scopes?.length ? <p className="text-sm font-semibold text-red-800">{errors.scopes.join(" ")}</p> : null}
        {scopes.map((scope) => (
          <Checkbox key={scope} id={`scope-${scope}`} name="scopes" value={scope} label={t(`apiKeys.scope.${scope}`)} />
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("apiKeys.create")}
      </Button>
    </form>
  );
}

export function RevokeApiKeyForm({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(revokeApiKeyAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={t("apiKeys.revokeLabel", { name })}>
        {t("apiKeys.revoke")}
      </Button>
      {state.status === "error" ? <p role="alert" className="text-sm font-semibold text-red-800">{state.message}</p> : null}
    </form>
  );
}
