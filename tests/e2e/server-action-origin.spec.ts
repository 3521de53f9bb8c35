import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * A server action posted from another site (CSRF) is refused. Next.js refuses it too, but with a 500 that
 * reads as a fault; the proxy answers 403 first. Real HTTP posts against the production server, with the
 * action id a page really carries (the language switch's no-JS form in the header).
 */
type PageAction = { id: string; fields: Record<string, string> };

const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The language switch's no-JS form as the page renders it: its hidden fields (React's `$ACTION_…` fields of a
 * form bound with useActionState) and the action id they name, which a fetch-style call sends as Next-Action.
 */
async function pageAction(request: APIRequestContext): Promise<PageAction> {
  const html = await (await request.get("/check")).text();
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => /name="locale"/.test(f));
  expect(form, "the page renders the language switch's form").toBeTruthy();
  const fields: Record<string, string> = {};
  for (const input of form!.match(/<input\b[^>]*>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (!name?.startsWith("$ACTION")) continue;
    fields[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  const direct = Object.keys(fields).find((name) => name.startsWith("$ACTION_ID_"))?.slice("$ACTION_ID_".length);
  const bound = Object.entries(fields).find(([name]) => /^\$ACTION_\d+:0$/.test(name))?.[1];
  const id = direct ?? (bound ? (JSON.parse(bound) as { id?: string }).id : undefined);
  expect(id, "the language switch renders its action for the no-JS path").toBeTruthy();
  return { id: id!, fields };
}

test.describe("server actions from a foreign origin", () => {
  test("a fetch-style action call (Next-Action header) answers 403, not 500", async ({ request }) => {
    const { id } = await pageAction(request);
    const foreign = await request.post("/check", {
      headers: { origin: "https://evil.example", "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: "[]",
    });
    expect(foreign.status()).toBe(403);
    expect(await foreign.text()).toContain("Request refused: foreign Origin.");

  });

  test("a no-JS form post from another site answers 403 and changes nothing", async ({ request, baseURL }) => {
    const { fields } = await pageAction(request);
    const form = { ...fields, locale: "en", returnTo: "/check" };
    const foreign = await request.post("/check", { headers: { origin: "https://evil.example" }, multipart: form, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    expect(foreign.headers()["set-cookie"]).toBeUndefined();

    // The same post from the site itself runs the action: the language is switched and the person sent back.
    const same = await request.post("/check", { headers: { origin: new URL(baseURL!).origin }, multipart: form, maxRedirects: 0 });
    expect(same.status()).toBe(303);
    expect(same.headers()["set-cookie"]).toContain("en");
  });

  test("a forged X-Forwarded-Host (no trusted proxy) changes nothing: it neither refuses our own post nor lets a foreign one in", async ({ request, baseURL }) => {
    const { fields } = await pageAction(request);
    const form = { ...fields, locale: "en", returnTo: "/check" };
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
