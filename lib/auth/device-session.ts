import "server-only";
import { cookies } from "next/headers";
import { resolveDeviceActor, type DeviceActor } from "../dal/devices";
import { can, type Permission } from "./permissions";
import { COOKIE_NAMES, cookieOptions } from "../cookies";

/** The screen's own credential, set once by the activation link. */
export const DEVICE_COOKIE = COOKIE_NAMES.device;
/** Browsers cap cookie lifetimes at 400 days; a screen is re-activated if it is ever reached. */
const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

export function deviceCookieOptions() {
  return cookieOptions(DEVICE_COOKIE_MAX_AGE);
}

/** The value of one cookie from a raw `Cookie` header (route handlers may be called with a plain Request). */
export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function allowed(actor: DeviceActor | null, permission: Permission): DeviceActor | null {
  return actor && can(actor, permission) ? actor : null;
}

/** The device behind this page request, if its cookie is valid, unrevoked and carries the permission. */
export async function getDeviceActor(permission: Permission): Promise<DeviceActor | null> {
  const token = (await cookies()).get(DEVICE_COOKIE)?.value;
  return allowed(await resolveDeviceActor(token), permission);
}

export async function deviceActorFromRequest(request: Request, permission: Permission): Promise<DeviceActor | null> {
  return allowed(await resolveDeviceActor(readCookie(request.headers.get("cookie"), DEVICE_COOKIE)), permission);
}
