"use server";

import { redirect } from "next/navigation";
import { endStaffSession, signInStaff, startStaffSession } from "../auth/session-cookie";
import { getStaffActor, getStaffSignedInAt } from "../auth/session";
import { STAFF_HOME, staffReturnPath } from "../auth/staff-paths";
import { endOtherStaffSessions, recordStaffLogout } from "../dal/staff-auth";
import { StaffLoginSchema } from "../validation/staff";
import { defineAction, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

/**
 * The login form, the only way to sign in: a plain post that also works without JavaScript. Every refusal
 * (wrong password, locked, invalid field) comes back as the form's state in the reader's language.
 */
export const loginAction = defineAction(
  { schema: StaffLoginSchema, echo: ["email"] },
  async (input, { actor, raw }): Promise<FormState | Redirect> => {
    await signInStaff(actor, input);
    return { redirect: staffReturnPath(raw.next) };
  },
);

/** Ends the session (a copied cookie stops working too) and forgets it in this browser. */
export async function logoutAction(): Promise<void> {
  const actor = await getStaffActor();
  if (actor) await recordStaffLogout(actor);
  await endStaffSession();
  redirect("/staff/login?signedOut=1");
}

/** Ends every other session of one's own account (a forgotten counter, a lost phone); stays signed in here. */
export async function endOtherSessionsAction(): Promise<void> {
  const actor = await getStaffActor();
  const signedInAt = await getStaffSignedInAt();
  if (!actor || signedInAt === null) redirect("/staff/login");
  await startStaffSession(await endOtherStaffSessions(actor), signedInAt);
  redirect(`${STAFF_HOME}?sessionsEnded=1`);
}
