import "server-only";
import { cookies } from "next/headers";
import { resolveDeviceActor, type DeviceActor } from "../dal/devices";
import { can, type Permission } from "./permissions";
import { COOKIE_NAMES, cookieOptions, readCookie } from "../cookies";

/** The screen's own credential, set once by the activation link. */
export const DEVICE_COOKIE = COOKIE_NAMES.device;
/** Browsers cap cookie lifetimes at 400 days; a screen is re-activated if it is ever reached. */
const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

export function deviceCookieOptions() {
  return cookieOptions(DEVICE_COOKIE_MAX_AGE);
}

function allowed(actor: DeviceActor | null, permission: Permission): DeviceActor | null {
  return actor && can(actor, permission) ? actor : null;
}

/** The device behind this page request, if its cookie is valid, unrevoked and carries the permission. */
export async function getDeviceActor(permission: Permission): Promise<DeviceActor | null> {
  const token = (await cookies()).get(DEVICE_COOKIE)?.value;
  return allowed(await resolveDeviceActor({ token }), permission);
}

export async function deviceActorFromRequest(request: Request, permission: Permission): Promise<DeviceActor | null> {
  return allowed(await resolveDeviceActor({ token: readCookie(request.headers.get("cookie"), DEVICE_COOKIE) }), permission);
}

/** Where an activated screen goes. */
export const DEVICE_HOME = { display: "/display", kiosk: "/kiosk" } as const;
