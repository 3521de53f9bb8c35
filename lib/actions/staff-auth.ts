"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIpFromHeaders } from "../client-ip";
import { COOKIE_NAMES, cookieOptions } from "../cookies";
import { KNOWN_DEVICE_DAYS, rememberKnownDevice } from "../auth/known-device";
import { endStaffSession, startStaffSession } from "../auth/session-cookie";
import { getStaffActor } from "../auth/session";
import { STAFF_HOME, staffReturnPath } from "../auth/staff-paths";
import { endOtherStaffSessions, recordStaffLogout, verifyStaffLogin } from "../dal/staff-auth";
import { getTranslator } from "../i18n/server";
import { toFormState, type FormState } from "./form-state";

/** The login form: a plain post that also works without JavaScript; errors come back as form state. */
export async function loginAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const email = formData.get("email");
  try {
    const ip = clientIpFromHeaders(await headers());
    const jar = await cookies();
    const knownDevice = jar.get(COOKIE_NAMES.knownDevice)?.value ?? null;
    const login = await verifyStaffLogin({ email, password: formData.get("password"), ip, knownDevice });
    await startStaffSession(login);
    jar.set(COOKIE_NAMES.knownDevice, rememberKnownDevice(knownDevice, login.staffId), cookieOptions(KNOWN_DEVICE_DAYS * 86_400));
  } catch (error) {
    return toFormState(error, await getTranslator(), { email: typeof email === "string" ? email : "" });
  }
  redirect(staffReturnPath(formData.get("next")));
}

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
  if (!actor) redirect("/staff/login");
  await startStaffSession(await endOtherStaffSessions(actor));
  redirect(`${STAFF_HOME}?sessionsEnded=1`);
}
