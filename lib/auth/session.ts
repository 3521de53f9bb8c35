import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { resolveStaffActor, type StaffSessionClaims } from "../dal/staff-auth";
import { AppError } from "../errors";
import type { StaffActor } from "./actor";
import { clientIpFromHeaders } from "../client-ip";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";

export type { StaffActor } from "./actor";

/** What this request's session cookie says (once per request: React's cache), or null. */
const getStaffSessionClaims = cache(async (): Promise<StaffSessionClaims | null> => {
  const session = await getServerSession(authOptions);
  if (typeof session?.staffId !== "string" || typeof session.sessionVersion !== "number" || typeof session.signedInAt !== "number") return null;
  return { staffId: session.staffId, sessionVersion: session.sessionVersion, signedInAt: session.signedInAt };
});

/**
 * The signed-in staff member, or null. The session cookie only says who it was issued to; the account is
 * loaded from the database on every request (once per request: React's cache), so a disabled account or a
 * changed role stops at its next request.
 */
export const getStaffActor = cache(async (): Promise<StaffActor | null> => {
  const claims = await getStaffSessionClaims();
  if (!claims) return null;
  const ip = clientIpFromHeaders(await headers());
  return resolveStaffActor(claims, { ip });
});

/** When this request's session signed in (seconds since the epoch), for re-issuing its cookie; null without one. */
export async function getStaffSignedInAt(): Promise<number | null> {
  return (await getStaffSessionClaims())?.signedInAt ?? null;
}

/**
 * For staff pages: signed out → the login page, which returns here afterwards; signed in without the
 * permission → Next's `forbidden()` (HTTP 403, rendered by app/(staff)/staff/forbidden.tsx). The data layer
 * checks again: this only picks the right page.
 */
export async function requireStaffPage(permission?: Permission): Promise<StaffActor> {
  const actor = await getStaffActor();
  if (!actor) {
    const returnTo = (await headers()).get("x-return-to") ?? "/staff";
    redirect(`/staff/login?next=${encodeURIComponent(returnTo)}`);
  }
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}

/** For server actions and route handlers: throws AppError 401/403, which forms and the API show. */
export async function requireStaffAction(permission?: Permission): Promise<StaffActor> {
  const actor = await getStaffActor();
  if (!actor) throw new AppError("unauthorized", "error.unauthorized");
  if (permission && !can(actor, permission)) throw new AppError("forbidden", "error.forbidden");
  return actor;
}
