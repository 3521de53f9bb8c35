import { expect, test } from "@playwright/test";
import { shortenName } from "../../lib/name";
import { loginAs } from "./fixtures";
import { bookViaApi, bookVisit } from "./fixtures/citizen";
import { randomNik, randomPerson } from "./fixtures/people";

/** What an attacker tries with a reference, a header or a shared server, and what the owner still can do (issue 6, "Abuse"). */
test.describe.configure({ mode: "parallel" });

test("the WhatsApp link is built on the configured address, never on X-Forwarded-Host", async ({ browser, baseURL, request }) => {
  const { reference } = await bookViaApi(request, randomPerson());
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
  const page = await context.newPage();
  await page.goto(`/booking/${reference}`);
  const href = (await page.getByRole("link", { name: "Bagikan lewat WhatsApp" }).getAttribute("href")) ?? "";
  const text = new URL(href).searchParams.get("text") ?? "";
  expect(text).toContain(`${baseURL}/booking/${reference}`);
  expect(text).not.toContain("evil.example");
  await context.close();
});

test("a visitor with only the reference sees the name shortened; the browser that booked sees it in full", async ({ page, browser, request }) => {
  const person = { ...randomPerson(), name: "Budi Santoso" };
  const { reference } = await bookVisit(page, person);
  await expect(page.getByText("Budi Santoso", { exact: true })).toBeVisible();

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`/booking/${reference}`);
  await expect(stranger.getByText(shortenName(person.name), { exact: true })).toBeVisible();
  expect(await stranger.content()).not.toContain("Santoso");
  await stranger.goto(`/booking/${reference}/print`);
  await expect(stranger.getByText("Budi S.", { exact: true })).toBeVisible();
  await stranger.context().close();

  // A reference that does not exist is a plain 404 (misses are counted per address, see the integration tests).
  expect((await request.get("/booking/ZZZZZZZZ")).status()).toBe(404);
});

test("after someone tried wrong NIKs on a reference, its owner gets in with the phone's last 4 digits, without JavaScript", async ({ browser, request }) => {
  test.setTimeout(180_000);
  // The failed tries are counted in fixed one-hour windows (lib/api/reference-guard.ts): a run that
  // straddles the full hour would start counting again. Begin after the hour turns if it is that close.
  const toNextHour = 3_600_000 - (Date.now() % 3_600_000);
  if (toNextHour < 90_000) await new Promise((resolve) => setTimeout(resolve, toNextHour + 1_000));
  const person = randomPerson();
  const { reference } = await bookViaApi(request, person);
  for (let i = 0; i < 10; i++) {
    expect((await request.post("/api/v1/bookings/lookup", { data: { reference, nik: randomNik() } })).status()).toBe(404);
  }
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/check?reference=${reference}`);
  await page.getByLabel("NIK").fill(person.nik);
  await page.getByRole("button", { name: "Cek booking" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("4 digit terakhir nomor HP");
  await page.getByLabel("NIK").fill(person.nik);
  await page.getByLabel("4 digit terakhir nomor HP").fill(person.phone.replace(/\D/g, "").slice(-4));
  await page.getByRole("button", { name: "Cek booking" }).click();
  await expect(page).toHaveURL(new RegExp(`/booking/${reference}$`));
  await expect(page.getByText(person.name, { exact: true })).toBeVisible();
  await context.close();
});

test("the admin is told that per-address limits are off without a trusted proxy", async ({ page }) => {
  await loginAs(page, "admin");
  await expect(page.getByRole("note")).toContainText("ANTREAN_TRUST_PROXY");
});
