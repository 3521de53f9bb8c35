import { NextResponse } from "next/server";
import { DEVICE_COOKIE, deviceActorFromRequest, deviceCookieOptions } from "@/lib/auth/device-session";
import { activateDevice } from "@/lib/dal/devices";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HOME = { display: "/display", kiosk: "/kiosk" } as const;

/**
 * Opening the admin's one-time link on the TV or kiosk: the link's token is exchanged for a fresh one
 * kept only in an httpOnly cookie, and the screen is sent to its page with the token gone from the URL.
 */
export async function GET(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const activated = token ? await activateDevice({ token }) : null;
  if (activated) {
    const response = redirect(HOME[activated.kind]);
    response.cookies.set(DEVICE_COOKIE, activated.token, deviceCookieOptions());
    return response;
  }
  // A link opened twice on an already activated screen just leads home.
  const current = await deviceActorFromRequest(request, "display.view");
  return redirect(current ? HOME[current.kind] : "/display?activation=failed");
}

/**
 * A relative Location: behind a proxy, or when the server was started with a bind address, `request.url`
 * may name another host than the browser used, and the cookie would then not travel with the redirect.
 */
function redirect(path: string): NextResponse {
  const response = new NextResponse(null, { status: 303, headers: { Location: path } });
  response.headers.set("Cache-Control", "no-store");
  // The URL held the token: keep it out of any Referer.
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
