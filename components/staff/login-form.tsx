"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { loginAction } from "@/lib/actions/staff-auth";
import { IDLE } from "@/lib/actions/form-state";

/**
 * Posts to a server action: without JavaScript the browser submits the form and the page re-renders with
 * the error; with it, the error appears in place.
 */
export function LoginForm({ next, notice }: { next: string; notice?: { tone: "info" | "error"; text: string } }) {
  const t = useT();
  const [state, action, isPending] = useActionState(loginAction, IDLE);
  const message = state.status === "error" ? { tone: "error" as const, text: state.message ?? "" } : notice;
  return (
    <form action={action} className="flex flex-col gap-4">
      {message?.text ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <input type="hidden" name="next" value={next} />
      <Field
        label={t("staff.login.email")}
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        defaultValue={state.values?.email ?? ""}
        errors={state.fields?.email}
      />
      <Field label={t("staff.login.password")} name="password" type="password" autoComplete="current-password" required errors={state.fields?.password} />
      <Button type="submit" disabled={isPending}>
        {isPending ? t("common.loading") : t("staff.login.submit")}
      </Button>
    </form>
  );
}
