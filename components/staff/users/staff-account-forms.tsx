"use client";

import { useActionState } from "react";
import type { StaffRole } from "@/db/schema";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { IDLE } from "@/lib/actions/form-state";
import { updateStaffAction } from "@/lib/actions/staff-users";


type Props = {
  staffId: string;
  role: StaffRole;
  isActive: boolean;
  /** Admins cannot demote or disable themselves; the data layer refuses it too. */
  isSelf: boolean;
  /** Failed logins lock the account: offer the admin's unlock. */
  isLocked: boolean;
  roles: readonly StaffRole[];
};

/** Each control is its own small form posting to the same action, so all of them work without JavaScript. */
export function StaffAccountForms({ staffId, role, isActive, isSelf, isLocked, roles }: Props) {
  const t = useT();
  const [state, action, isPending] = useActionState(updateStaffAction, IDLE);
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="staffId" value={staffId} />
      <input type="hidden" name="intent" value={intent} />
    </>
  );
  return (
    <div className="flex flex-col gap-6">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {isSelf ? null : (
        <div className="flex flex-wrap items-end gap-6">
          <form action={action} className="flex flex-wrap items-end gap-3">
            {hidden("role")}
            <SelectField name="role" label={t("staff.users.role")} options={roles.map((value) => ({ value, label: t(`staff.role.${value}`) }))} defaultValue={state.values?.role || role} errors={state.fields?.role} />
            <Button type="submit" variant="secondary" disabled={isPending}>
              {t("staff.users.changeRole")}
            </Button>
          </form>
          <form action={action}>
            {hidden("active")}
            <input type="hidden" name="active" value={String(!isActive)} />
            <Button type="submit" variant={isActive ? "danger" : "primary"} disabled={isPending}>
              {isActive ? t("staff.users.deactivate") : t("staff.users.activate")}
            </Button>
          </form>
        </div>
      )}
      <form action={action} className="flex flex-wrap items-end gap-3">
        {hidden("password")}
        <Field
          label={t("staff.users.newPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          hint={t("staff.users.passwordHint")}
          errors={state.fields?.password}
        />
        <Button type="submit" variant="secondary" disabled={isPending}>
          {t("staff.users.resetPassword")}
        </Button>
      </form>
      {isLocked ? (
        <form action={action}>
          {hidden("unlock")}
          <Button type="submit" disabled={isPending}>
            {t("security.unlock")}
          </Button>
        </form>
      ) : null}
      <form action={action}>
        {hidden("revoke")}
        <Button type="submit" variant="secondary" disabled={isPending}>
          {t("staff.users.revokeSessions")}
        </Button>
      </form>
    </div>
  );
}
