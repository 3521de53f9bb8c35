import { NextResponse } from "next/server";
import { DEVICE_COOKIE, DEVICE_HOME, deviceActorFromRequest, deviceCookieOptions } from "@/lib/auth/device-session";
import { activateDevice } from "@/lib/dal/devices";
import { isCrossOriginWrite } from "@/lib/server-action-origin";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The activation page's button: the link's token is exchanged for a fresh one kept only in an httpOnly
 * cookie, and the screen is sent to its page. Only from this site's own page (a form on another site
 * cannot make a browser into someone else's screen).
 */
export async function POST(request: Request): Promise<Response> {
  if (isCrossOriginWrite(request.method, request.headers)) return new NextResponse(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const token = form?.get("token");
  const activated = typeof token === "string" && token.length > 0 && token.length <= 200 ? await activateDevice({ token }) : null;
  if (activated) {
    const response = redirect(DEVICE_HOME[activated.kind]);
    response.cookies.set(DEVICE_COOKIE, activated.token, deviceCookieOptions());
    return response;
  }
  // A link used twice on a screen that is already active just leads home.
  const current = await deviceActorFromRequest(request, "display.view");
  return redirect(current ? DEVICE_HOME[current.kind] : "/display?activation=failed");
}

/**
 * A relative Location: behind a proxy, or when the server was started with a bind address, `request.url`
 * may name another host than the browser used, and the cookie would then not travel with the redirect.
 */
function redirect(path: string): NextResponse {
  const response = new NextResponse(null, { status: 303, headers: { Location: path } });
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
