import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { KTP_SERVICE, chooseSession, confirmChecklist, fillDetails, powWaitNotice, readConfirmation, sendDetailsOnce, solvedAltcha } from "./fixtures/citizen";
import { randomPerson } from "./fixtures/people";

/**
 * Proof of work (issue 9): the booking form solves an ALTCHA challenge out of sight while the person types;
 * without JavaScript loading the form starts a short wait instead (a signed token in a cookie, as the cached form carries none); the JSON API takes the widget's payload once.
 */
async function openDetails(page: Page): Promise<void> {
  await page.goto(`/services/${KTP_SERVICE.slug}`);
  await confirmChecklist(page);
  await chooseSession(page);
  await page.getByRole("button", { name: /^(Lanjut isi data|Continue)/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^(Isi data diri|Your details)/ })).toBeVisible();
}

test.describe("proof of work with JavaScript", () => {
  test("the form solves the challenge invisibly and books: the post carries the solution, nothing to click", async ({ page }) => {
    const challenges: string[] = [];
    page.on("response", (r) => {
      if (new URL(r.url()).pathname === "/api/v1/challenge") challenges.push(String(r.status()));
    });
    await openDetails(page);
    // Fetched as the page loads, before anyone types.
    await expect.poll(() => challenges).toEqual(["200"]);
    const widget = page.locator("altcha-widget");
    await expect(widget).toHaveCount(1);
    // Nothing of it to see or press: no checkbox, no "I'm not a robot", no logo.
    await expect(page.getByRole("checkbox")).toHaveCount(1); // the consent tick only
    await expect(page.getByText(/altcha|robot|verif/i).filter({ visible: true })).toHaveCount(0);
    await expect(widget).toBeHidden();
    await expect(page.locator('input[type="hidden"][name="altcha"]')).toHaveCount(1);
    await expect.poll(() => page.locator('input[name="altcha"]').inputValue(), { message: "solved in the background" }).not.toBe("");
    await expectNoAxeViolations(page, "details with the proof-of-work widget");

    const person = randomPerson();
    await fillDetails(page, person);
    const posted = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname.includes("/details"));
    await sendDetailsOnce(page);
    const body = (await posted).postData() ?? "";
    // React sends a server action's form fields as multipart parts named `_<n>_<field>`.
    const payload = /name="(?:_\d+_)?altcha"\r\n\r\n([A-Za-z0-9+/=]+)/.exec(body)?.[1] ?? "";
    expect(payload, "the post carries the widget's payload").not.toBe("");
    expect(JSON.parse(Buffer.from(payload, "base64").toString())).toMatchObject({ challenge: { parameters: { algorithm: "PBKDF2/SHA-256" } }, solution: { counter: expect.any(Number) } });
    const { reference } = await readConfirmation(page);
    expect(reference).toMatch(/^[A-Z0-9]+$/);
    await expect(powWaitNotice(page)).toHaveCount(0);
  });

  test("after a refused submit the form solves a new challenge and the next submit books", async ({ page }) => {
    await openDetails(page);
    const person = randomPerson();
    await fillDetails(page, { ...person, phone: "12345" });
    await sendDetailsOnce(page);
    await expect(page.getByLabel(/^Nomor HP/)).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel(/^Nomor HP/).fill(person.phone);
    await sendDetailsOnce(page);
    await readConfirmation(page);
  });
});

test.describe("proof of work without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  const waitCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === "antrean_pow_wait");

  test("loading the cached form starts the wait in a cookie: sent at once, the server holds it for the short wait and books", async ({ page }) => {
    await openDetails(page);
    // The details page is one cached HTML for everyone, so the single-use token is not in it but in a cookie.
    await expect(page.locator('input[name="powWait"]')).toHaveCount(0);
    const cookie = await waitCookie(page);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/book" });
    const person = randomPerson();
    await fillDetails(page, person);
    await sendDetailsOnce(page);
    // No extra page: a person types for longer than the wait (2 s on the e2e servers) and never sees it.
    await expect(powWaitNotice(page)).toHaveCount(0);
    const { reference } = await readConfirmation(page);
    expect(reference).toBeTruthy();
    expect(await waitCookie(page), "spent, so cleared").toBeUndefined();
    // Back: the details page again, not a form answer the browser would have to post again.
    await page.goBack();
    await expect(page).toHaveURL(/\/details/);
    await expect(page.getByRole("heading", { level: 1, name: "Isi data diri" })).toBeVisible();
  });

  test("without the page's cookie the first send asks for a short wait with a fresh signed token, then books", async ({ page }) => {
    await openDetails(page);
    await page.context().clearCookies({ name: "antrean_pow_wait" });
    const person = randomPerson();
    await fillDetails(page, person);
    await sendDetailsOnce(page);
    await expect(powWaitNotice(page)).toBeVisible();
    const token = await page.locator('input[name="powWait"]').getAttribute("value");
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    // The typed details come back with the notice: the person only waits (2 s on the e2e servers) and sends again.
    await expect(page.getByLabel(/^(Nama lengkap|Full name)/)).toHaveValue(person.name);
    for (let attempt = 0; attempt < 20 && (await powWaitNotice(page).isVisible()); attempt++) {
      await page.waitForTimeout(1_000);
      await sendDetailsOnce(page);
    }
    const { reference } = await readConfirmation(page);
    expect(reference).toBeTruthy();
  });
});

test.describe("proof of work on the JSON API", () => {
  test("a payload solved with altcha-lib books once; again, or missing, is 403 challenge", async ({ request }) => {
    const availability = await request.get(`/api/v1/availability?service=${KTP_SERVICE.slug}`);
    const { days } = (await availability.json()) as { days: { date: string; open: boolean; sessions: { start: string; remaining: number }[] }[] };
    const day = days.find((d) => d.open && d.sessions.some((s) => s.remaining > 0))!;
    const session = day.sessions.find((s) => s.remaining > 0)!;
    const booking = () => {
      const p = randomPerson();
      return { service: KTP_SERVICE.slug, date: day.date, session: session.start, nik: p.nik, name: p.name, phone: p.phone };
    };
    const altcha = await solvedAltcha(request);
    const created = await request.post("/api/v1/bookings", { data: { ...booking(), altcha } });
    expect(created.status(), await created.text()).toBe(201);
    const replay = await request.post("/api/v1/bookings", { data: { ...booking(), altcha }, headers: { "accept-language": "en" } });
    expect(replay.status()).toBe(403);
    expect(await replay.json()).toEqual({ error: { code: "challenge", message: "This security check has already been used. Reload the page and send again." } });
    const missing = await request.post("/api/v1/bookings", { data: booking() });
    expect(missing.status()).toBe(403);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("challenge");
  });
});
