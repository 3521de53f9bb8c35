import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * A server action posted from another site (CSRF) is refused. Next.js refuses it too, but with a 500 that
 * reads as a fault; the proxy answers 403 first. Real HTTP posts against the production server, with the
 * action id a page really carries (the language switch's no-JS form in the header).
 */
async function pageActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/check")).text();
  const id = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(html)?.[1];
  expect(id, "the language switch renders its action id for the no-JS path").toBeTruthy();
  return id!;
}

test.describe("server actions from a foreign origin", () => {
  test("a fetch-style action call (Next-Action header) answers 403, not 500", async ({ request }) => {
    const id = await pageActionId(request);
    const foreign = await request.post("/check", {
      headers: { origin: "https://evil.example", "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: "[]",
    });
    expect(foreign.status()).toBe(403);
    expect(await foreign.text()).toContain("Request refused: foreign Origin.");

  });

  test("a no-JS form post from another site answers 403 and changes nothing", async ({ request, baseURL }) => {
    const id = await pageActionId(request);
    const form = { [`$ACTION_ID_${id}`]: "", locale: "en", returnTo: "/check" };
    const foreign = await request.post("/check", { headers: { origin: "https://evil.example" }, multipart: form, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    expect(foreign.headers()["set-cookie"]).toBeUndefined();

    // The same post from the site itself runs the action: the language is switched and the person sent back.
    const same = await request.post("/check", { headers: { origin: new URL(baseURL!).origin }, multipart: form, maxRedirects: 0 });
    expect(same.status()).toBe(303);
    expect(same.headers()["set-cookie"]).toContain("en");
  });

  test("a forged X-Forwarded-Host (no trusted proxy) changes nothing: it neither refuses our own post nor lets a foreign one in", async ({ request, baseURL }) => {
    const id = await pageActionId(request);
    const form = { [`$ACTION_ID_${id}`]: "", locale: "en", returnTo: "/check" };
    const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    const own = await request.post("/check", { headers: { origin: new URL(baseURL!).origin, ...forged }, multipart: form, maxRedirects: 0 });
    expect(own.status()).toBe(303);
    expect(own.headers()["location"]).not.toContain("evil.example");
    expect(own.headers()["set-cookie"]).toContain("en");

    const foreign = await request.post("/check", { headers: { origin: "https://evil.example", ...forged }, multipart: form, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    expect(foreign.headers()["set-cookie"]).toBeUndefined();
  });
});
