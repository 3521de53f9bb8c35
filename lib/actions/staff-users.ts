"use server";

import { revalidatePath } from "next/cache";
import { unlockStaffLogin } from "../dal/staff-locks";
import { createStaff, resetStaffPassword, revokeStaffSessions, setStaffActive, updateStaffRole } from "../dal/staff-users";
import { parseInput } from "../validation/parse";
import { CreateStaffSchema, ResetStaffPasswordSchema, SetStaffActiveSchema, StaffIdInputSchema, UpdateStaffRoleSchema } from "../validation/staff";
import { defineAction, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

const USERS_PATH = "/staff/admin/users";

export const createStaffAction = defineAction(
  { permission: "staff.manage", schema: CreateStaffSchema, echo: ["name", "email", "role"] },
  async (input, { actor }): Promise<FormState | Redirect> => {
    const { id } = await createStaff(actor, input);
    revalidatePath(USERS_PATH);
    return { redirect: `${USERS_PATH}/${id}?saved=created` };
  },
);

/** One action for an account's controls; `intent` names the control, so every form stays a plain post. */
export const updateStaffAction = defineAction(
  { permission: "staff.manage", schema: StaffIdInputSchema, echo: ["role"] },
  async ({ staffId }, { actor, raw }): Promise<FormState | Redirect> => {
    const intent = raw.intent;
    if (intent === "role") await updateStaffRole(actor, parseInput(UpdateStaffRoleSchema, raw));
    else if (intent === "active") await setStaffActive(actor, parseInput(SetStaffActiveSchema, raw));
    else if (intent === "password") await resetStaffPassword(actor, parseInput(ResetStaffPasswordSchema, raw));
    else if (intent === "revoke") await revokeStaffSessions(actor, { staffId });
    else if (intent === "unlock") await unlockStaffLogin(actor, { staffId });
    else return { status: "idle" };
    revalidatePath(USERS_PATH);
    return { redirect: `${USERS_PATH}/${staffId}?saved=updated` };
  },
);
