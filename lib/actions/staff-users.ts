"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaffAction } from "../auth/session";
import { unlockStaffLogin } from "../dal/staff-locks";
import { createStaff, resetStaffPassword, revokeStaffSessions, setStaffActive, updateStaffRole } from "../dal/staff-users";
import { getTranslator } from "../i18n/server";
import { formDataToObject, parseInput } from "../validation/parse";
import { CreateStaffSchema, ResetStaffPasswordSchema, SetStaffActiveSchema, StaffIdInputSchema, UpdateStaffRoleSchema } from "../validation/staff";
import { toFormState, type FormState } from "./form-state";

const USERS_PATH = "/staff/admin/users";

function typed(formData: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "")]));
}

export async function createStaffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let staffId: string;
  try {
    const actor = await requireStaffAction("staff.manage");
    const input = parseInput(CreateStaffSchema, formDataToObject(formData));
    staffId = (await createStaff(actor, actor.officeId, input)).id;
  } catch (error) {
    return toFormState(error, await getTranslator(), typed(formData, ["name", "email", "role"]));
  }
  revalidatePath(USERS_PATH);
  redirect(`${USERS_PATH}/${staffId}?saved=created`);
}

/** One action for an account's controls; `intent` names the control, so every form stays a plain post. */
export async function updateStaffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = formDataToObject(formData);
  let staffId: string;
  try {
    const actor = await requireStaffAction("staff.manage");
    staffId = parseInput(StaffIdInputSchema, raw).staffId;
    const intent = formData.get("intent");
    if (intent === "role") await updateStaffRole(actor, parseInput(UpdateStaffRoleSchema, raw));
    else if (intent === "active") await setStaffActive(actor, parseInput(SetStaffActiveSchema, raw));
    else if (intent === "password") await resetStaffPassword(actor, parseInput(ResetStaffPasswordSchema, raw));
    else if (intent === "revoke") await revokeStaffSessions(actor, staffId);
    else if (intent === "unlock") await unlockStaffLogin(actor, staffId);
    else return { status: "idle" };
  } catch (error) {
    return toFormState(error, await getTranslator(), typed(formData, ["role"]));
  }
  revalidatePath(USERS_PATH);
  redirect(`${USERS_PATH}/${staffId}?saved=updated`);
}
