import "server-only";
import { cookies } from "next/headers";
import { COOKIE_NAMES, cookieOptions } from "./cookies";
import { createManageToken, MANAGE_TOKEN_SECONDS } from "./manage-token";

const MANAGE_COOKIE = COOKIE_NAMES.manage;

/**
 * After the citizen proved reference + NIK (by booking or by looking it up), this browser may change or
 * cancel that booking for a while without typing the NIK again. Not a server action: only code that has
 * just checked the NIK may call it.
 */
export async function rememberManage(reference: string): Promise<void> {
  (await cookies()).set(MANAGE_COOKIE, createManageToken(reference), cookieOptions(MANAGE_TOKEN_SECONDS));
}

export async function readManageToken(): Promise<string | undefined> {
  return (await cookies()).get(MANAGE_COOKIE)?.value;
}
