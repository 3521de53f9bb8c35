import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { expectNoAxeViolations } from "./fixtures/axe";
import { KTP_SERVICE, bookViaApi } from "./fixtures/citizen";
import { expectOneReceiptPage } from "./fixtures/pdf";
import { randomPerson } from "./fixtures/people";

/**
 * Printouts (issue 6, items 11 and 17): a booking that can no longer be checked in prints its status and
 * no QR; every 80 mm print is one page 80 mm wide in Chromium's own PDF; on a phone the A4 view's QR
 * stays scannable.
 */
test.describe.configure({ mode: "parallel" });

const display = (reference: string) => `${reference.slice(0, 4)}-${reference.slice(4)}`;
const qrOf = (page: Page, reference: string) => page.getByRole("img", { name: new RegExp(display(reference)) });

/** The printed content's height in print media, for the report: how much of the page the slip fills. */
async function printedMm(page: Page): Promise<number> {
  await page.emulateMedia({ media: "print" });
  const px = await page.getByRole("main").evaluate((el) => el.getBoundingClientRect().height);
  await page.emulateMedia({ media: "screen" });
  return Math.round(px * (25.4 / 96));
}

async function cancelledBooking(page: Page) {
  const person = randomPerson();
  const booked = await bookViaApi(page.request, person);
  const response = await page.request.post(`/api/v1/bookings/${booked.reference}/cancel`, { data: { nik: person.nik } });
  expect(response.status()).toBe(200);
  return booked;
}

test("a cancelled booking prints its status and no QR: confirmation, A4, 80 mm, staff slip; its .ics says CANCELLED", async ({ page, browser }) => {
  const booked = await cancelledBooking(page);
  for (const path of [`/booking/${booked.reference}`, `/booking/${booked.reference}/print`, `/booking/${booked.reference}/print?format=receipt`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Booking dibatalkan" }).or(page.getByText("Booking dibatalkan", { exact: true })).first()).toBeVisible();
    await expect(page.getByText("Booking berhasil")).toHaveCount(0);
    await expect(qrOf(page, booked.reference), path).toHaveCount(0);
    await expect(page.getByText(booked.queueNumber, { exact: true })).toBeVisible();
  }
  await expect(page.getByText("Status: Dibatalkan")).toBeVisible();
  await expectNoAxeViolations(page, "cancelled booking's receipt");
  await expect(page.getByText("Bukti ini tidak berlaku lagi untuk check-in.")).toBeVisible();

  const ics = await page.request.get(`/booking/${booked.reference}/calendar.ics`);
  expect(ics.status()).toBe(200);
  const body = await ics.text();
  expect(body).toContain("STATUS:CANCELLED\r\n");
  expect(body).toMatch(/DTSTART;TZID=Asia\/Jakarta:\d{8}T\d{6}\r\n/);
  expect(body).toContain("BEGIN:VTIMEZONE");

  const staff = await (await browser.newContext()).newPage();
  await loginAs(staff, "operator");
  await staff.goto(`/staff/slip/${booked.reference}`);
  await expect(staff.getByText("Bukti ini tidak berlaku lagi untuk check-in.")).toBeVisible();
  await expect(qrOf(staff, booked.reference)).toHaveCount(0);
});

test("a moved booking's printout says it was moved and from when, and keeps its QR", async ({ page }) => {
  const person = randomPerson();
  const booked = await bookViaApi(page.request, person);
  const [date, start] = booked.slot.split("_") as [string, string];
  const availability = await page.request.get(`/api/v1/availability?service=${KTP_SERVICE.slug}&from=${date}&days=1`);
  const { days } = (await availability.json()) as { days: { sessions: { start: string; remaining: number }[] }[] };
  const other = days[0]!.sessions.find((s) => s.start !== start && s.remaining > 0)!;
  const moved = await page.request.post(`/api/v1/bookings/${booked.reference}/reschedule`, { data: { nik: person.nik, date, session: other.start } });
  expect(moved.status()).toBe(200);

  await page.goto(`/booking/${booked.reference}/print`);
  await expect(page.getByText(`Jadwal sudah diubah (sebelumnya`)).toContainText(start.replace(":", "."));
  await expect(page.getByText("Status: Terdaftar")).toBeVisible();
  await expect(qrOf(page, booked.reference)).toBeVisible();
});

test("the 80 mm receipt is one page 80 mm wide, with and without JavaScript", async ({ page, browser }) => {
  const booked = await bookViaApi(page.request, randomPerson());
  await page.goto(`/booking/${booked.reference}/print?format=receipt`);
  await expect(page.getByRole("button", { name: "Cetak sekarang" })).toBeVisible();
  await expect(qrOf(page, booked.reference)).toBeVisible();
  const measured = await expectOneReceiptPage(page, "receipt");
  console.info(`[e2e] 80 mm receipt: ${await printedMm(page)} mm of content on one page of ${measured} mm (measured)`);

  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noJs.goto(`/booking/${booked.reference}/print?format=receipt`);
  const fallback = await expectOneReceiptPage(noJs, "receipt without JavaScript");
  console.info(`[e2e] 80 mm receipt without JavaScript: one page, ${fallback} mm long (fixed)`);
});

test("the staff slip is one page 80 mm wide, with and without JavaScript", async ({ page, browser }) => {
  const booked = await bookViaApi(page.request, randomPerson());
  await loginAs(page, "operator");
  await page.goto(`/staff/slip/${booked.reference}`);
  await expect(page.getByRole("button", { name: "Cetak slip" })).toBeVisible();
  await expect(qrOf(page, booked.reference)).toBeVisible();
  const height = await expectOneReceiptPage(page, "staff slip");
  console.info(`[e2e] staff slip: ${await printedMm(page)} mm of content on one page of ${height} mm`);

  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await loginAs(noJs, "operator");
  await noJs.goto(`/staff/slip/${booked.reference}`);
  await expect(qrOf(noJs, booked.reference)).toBeVisible();
  const fallback = await expectOneReceiptPage(noJs, "staff slip without JavaScript");
  console.info(`[e2e] staff slip without JavaScript: one page of ${fallback} mm (fixed)`);
});

test("on a 360 px phone the A4 view's QR stays scannable (at least 160 CSS px)", async ({ page }) => {
  const booked = await bookViaApi(page.request, randomPerson());
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/booking/${booked.reference}/print`);
  const box = await qrOf(page, booked.reference).boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(160);
  expect(box?.height).toBeGreaterThanOrEqual(160);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);
});

/** An admin activates a kiosk; an operator books for a citizen today; the kiosk checks them in and shows the slip. */
async function kioskWithSlip(browser: Browser): Promise<Page> {
  const admin = await (await browser.newContext()).newPage();
  await loginAs(admin, "admin");
  await admin.goto("/staff/devices");
  const name = `Kiosk cetak ${Date.now()}`;
  await admin.getByRole("radio", { name: /^Kiosk check-in/ }).check();
  await admin.getByLabel("Nama perangkat").fill(name);
  await admin.getByRole("button", { name: "Buat perangkat" }).click();
  const link = await admin.getByRole("textbox", { name: `Tautan aktivasi untuk ${name}` }).inputValue();
  const kiosk = await (await browser.newContext()).newPage();
  await kiosk.goto(link);
  await kiosk.getByRole("button", { name: "Aktifkan layar ini" }).click();
  await expect(kiosk).toHaveURL(/\/kiosk$/);

  const person = randomPerson();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
  const operator = await (await browser.newContext()).newPage();
  await loginAs(operator, "operator");
  await operator.goto(`/staff/assist?service=${KTP_SERVICE.slug}&date=${today}`);
  await operator.getByRole("radio", { name: /^Booking dibantu/ }).check();
  await operator.getByLabel(/^NIK/).fill(person.nik);
  await operator.getByLabel(/^Nama sesuai/).fill(person.name);
  await operator.getByLabel(/^Nomor HP/).fill(person.phone);
  await operator.getByRole("button", { name: /^Buat booking/ }).click();
  await expect(operator).toHaveURL(/\/staff\/slip\/[A-Z0-9]{8}/);
  const reference = /\/staff\/slip\/([A-Z0-9]{8})/.exec(operator.url())![1]!;

  await kiosk.getByLabel("Kode booking", { exact: true }).fill(reference);
  await kiosk.getByLabel("Kode booking", { exact: true }).press("Enter");
  await kiosk.getByLabel("NIK", { exact: true }).fill(person.nik);
  await kiosk.getByLabel("NIK", { exact: true }).press("Enter");
  await expect(kiosk.getByRole("heading", { name: /Check-in berhasil/ })).toBeVisible();
  return kiosk;
}

test("the kiosk slip is one page 80 mm wide", async ({ browser }) => {
  // Three browsers (admin, operator, kiosk) and a dozen pages on two busy cores.
  test.slow();
  const kiosk = await kioskWithSlip(browser);
  await kiosk.emulateMedia({ media: "print" });
  const slipMm = await kiosk.getByRole("article").evaluate((el) => el.getBoundingClientRect().height * (25.4 / 96));
  const height = await expectOneReceiptPage(kiosk, "kiosk slip");
  console.info(`[e2e] kiosk slip: ${slipMm.toFixed(0)} mm of content on one page of ${height} mm`);
});
