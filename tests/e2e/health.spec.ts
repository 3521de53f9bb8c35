import { expect, test, type Page } from "@playwright/test";
import { KTP_SERVICE, solvedAltcha } from "./fixtures/citizen";
import { randomPerson } from "./fixtures/people";

/** The production build's health check and security headers, on the PostgreSQL server. */
test.describe("health and security headers", () => {
  test("/api/health reports the PostgreSQL database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "postgres" });
  });

  test("pages rendered per request carry a per-request CSP nonce that every inline script uses", async ({ request }) => {
    const first = await request.get("/staff/login");
    const second = await request.get("/staff/login");
    const csp = first.headers()["content-security-policy"] ?? "";
    const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `CSP without a script nonce: ${csp}`).toBeTruthy();
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "a script the CSP would block").toContain(`nonce="${nonce}"`);
  });

  test("citizen pages that are the same for everyone are cached, with a strict static CSP and the cookie's language", async ({ request }) => {
    for (const path of ["/", "/check", "/transparansi"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      // Served from Next's cache (ISR), regenerated at most once a second.
      expect(response.headers()["cache-control"], path).toContain("s-maxage=1");
      expect(response.headers()["x-nextjs-cache"], path).toBeTruthy();
      // No ETag: Next would hash the whole page on every request to make one (generateEtags in next.config.ts).
      expect(response.headers()["etag"], path).toBeUndefined();
      const csp = response.headers()["content-security-policy"] ?? "";
      expect(csp, path).toContain("script-src 'self' 'unsafe-inline'");
      for (const rule of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "default-src 'self'"]) expect(csp, path).toContain(rule);
      expect(csp, path).not.toContain("unsafe-eval");
      expect(csp, path).not.toContain("nonce-");
    }
    // The language comes from the cookie, through the internal locale segment; the address stays the same.
    const english = await request.get("/check?reference=AB-CD&expired=1", { headers: { cookie: "lang=en" } });
    const html = await english.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Check, change or cancel a booking");
    expect(html, "the query reaches the cached page").toContain("For your security, enter your booking code and NIK again.");
    const indonesian = await (await request.get("/check", { headers: { cookie: "lang=id" } })).text();
    expect(indonesian).toContain('<html lang="id"');
    // The internal paths are not addresses of their own, and a visitor cannot pick one with the header.
    expect((await request.get("/id/check/_")).status()).toBe(404);
    const spoofed = await request.get("/check", { headers: { "x-antrean-page": "en/transparansi" } });
    expect(await spoofed.text()).not.toContain('<html lang="en"');
    expect((await request.get("/api/health", { headers: { "x-antrean-page": "id" } })).headers()["content-type"]).toContain("application/json");
  });

  test("security headers on pages and the API", async ({ request }) => {
    for (const path of ["/", "/api/health"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      // On in production builds; browsers ignore it over plain http, so the local servers keep it.
      expect(headers["strict-transport-security"], path).toContain("max-age=");
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
  });

  test("the home page runs without CSP violations or script errors, prefetches nothing, and its links navigate", async ({ page }) => {
    const problems: string[] = [];
    // Failed requests are reported with their address; the console's copy of them says less.
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    const fetches: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "fetch") fetches.push(request.url());
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    // The citizen links do not prefetch (a slow phone's main thread is busy hydrating): nothing is fetched
    // until a link is followed, and then the page comes through the client router without an error.
    expect(fetches).toEqual([]);
    await page.getByRole("link", { name: KTP_SERVICE.name }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${KTP_SERVICE.slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: KTP_SERVICE.name })).toBeVisible();
    expect(fetches.length, "followed in the client router").toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test("a cached date page shows a booking within a second, and never the old places left after it sat idle", async ({ page, request }) => {
    const availability = await request.get(`/api/v1/availability?service=${KTP_SERVICE.slug}`);
    const { days } = (await availability.json()) as { days: { date: string; open: boolean; sessions: { start: string; remaining: number }[] }[] };
    // A late roomy session: the other specs book the earliest ones, and standby.spec.ts fills the last two dates.
    const day = days.slice(0, -2).filter((d) => d.open && d.sessions.some((s) => s.remaining >= 3)).at(-1)!;
    const session = day.sessions.filter((s) => s.remaining >= 3).at(-1)!;
    const slot = `${day.date}_${session.start}`;
    const path = `/book/${KTP_SERVICE.slug}?checklist=confirmed&date=${day.date}`;
    const book = async () => {
      const person = randomPerson();
      const response = await request.post("/api/v1/bookings", {
        data: { service: KTP_SERVICE.slug, date: day.date, session: session.start, nik: person.nik, name: person.name, phone: person.phone, altcha: await solvedAltcha(request) },
      });
      expect(response.status(), await response.text()).toBe(201);
    };

    const before = await placesLeft(page, path, slot);
    // A lone visitor after a quiet spell: the cached copy is older than a second and is rendered again
    // before it is served, never handed out once more (stale-while-revalidate would show `before`).
    await page.waitForTimeout(2_500);
    await book();
    expect(await placesLeft(page, path, slot)).toBeLessThanOrEqual(before - 1);
    // In the rush: the page was just rendered; the next booking shows within a second.
    // Timed from when each look-up was asked for, not when its page finished loading (a busy machine's
    // page load is not the cache's age): every look-up asked for more than a second after the booking shows it.
    const shown = await placesLeft(page, path, slot);
    await book();
    const booked = Date.now();
    const staleAskedAfter: number[] = [];
    await expect
      .poll(
        async () => {
          const asked = Date.now() - booked;
          const left = await placesLeft(page, path, slot);
          if (left > shown - 1) staleAskedAfter.push(asked);
          return left;
        },
        { intervals: [100], timeout: 5_000 },
      )
      .toBeLessThanOrEqual(shown - 1);
    expect(Math.max(0, ...staleAskedAfter), "ms after the booking that a look-up still showed the old places left").toBeLessThan(1_250);
  });
});

/** The places left the date page shows for one session ("sisa N"), loading the page anew. */
async function placesLeft(page: Page, path: string, slot: string): Promise<number> {
  const response = await page.goto(path);
  expect(response!.headers()["cache-control"]).toContain("s-maxage=1");
  const text = await page.locator("label", { has: page.locator(`input[value="${slot}"]`) }).innerText();
  const count = /sisa (\d+)/.exec(text)?.[1];
  expect(count, text).toBeTruthy();
  return Number(count);
}
