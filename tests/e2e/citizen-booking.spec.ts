import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { KTP_SERVICE, bookViaApi, chooseSession, confirmChecklist, fillDetails, readConfirmation, submitDetails } from "./fixtures/citizen";
import { randomPerson, type Person } from "./fixtures/people";

/**
 * The citizen's journey on the PostgreSQL server (default office: the always-open e2e office, whose
 * catalogue is Kota Bogor's): book → confirmation → print → look up → reschedule → cancel, with an axe
 * scan of every public page on the way, the same path without JavaScript, and the English switch.
 */
// Every test makes its own citizen and booking, so they may spread over both workers.
test.describe.configure({ mode: "parallel" });

const display = (reference: string) => `${reference.slice(0, 4)}-${reference.slice(4)}`;

type LookedUp = { status: string; date: string; session: { start: string } };
async function lookUp(request: APIRequestContext, reference: string, nik: string): Promise<LookedUp> {
  const response = await request.post("/api/v1/bookings/lookup", { data: { reference, nik } });
  expect(response.status()).toBe(200);
  return (await response.json()) as LookedUp;
}

async function expectNikNeverInFull(page: Page, person: Person) {
  expect(page.url()).not.toContain(person.nik);
  expect(await page.content(), "the full NIK on a public page").not.toContain(person.nik);
}

test.describe("citizen booking", () => {
  test("book → confirmation → print, calendar and WhatsApp; every page passes axe", async ({ page }) => {
    // A dozen pages, each scanned by axe: on two busy cores this takes tens of seconds.
    test.slow();
    const person = randomPerson();

    await test.step("home and service page", async () => {
      await page.goto("/");
      await expectNoAxeViolations(page, "home");
      await page.getByRole("link", { name: KTP_SERVICE.name }).click();
      await expect(page.getByRole("heading", { level: 1, name: KTP_SERVICE.name })).toBeVisible();
      await expectNoAxeViolations(page, "service");

      await page.getByRole("button", { name: "Lanjut pilih jadwal" }).click();
      await expect(page.getByText(/Centang semua dokumen/)).toBeVisible();
      await expectNoAxeViolations(page, "service with the checklist incomplete");
    });

    await test.step("dates and sessions", async () => {
      await confirmChecklist(page);
      await expect(page.getByText(/sisa \d+/).first()).toBeVisible();
      await expectNoAxeViolations(page, "dates");
      await chooseSession(page);
      await page.getByRole("button", { name: "Lanjut isi data" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Isi data diri" })).toBeVisible();
      await expectNoAxeViolations(page, "details");
    });

    await test.step("details: errors name the fields, a child's NIK is refused for KTP-el", async () => {
      await submitDetails(page);
      await expect(page.getByLabel(/^NIK/)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel(/^Nama lengkap/)).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page, "details with errors");

      await fillDetails(page, { ...person, nik: randomPerson({ age: "child" }).nik });
      await submitDetails(page);
      await expect(page.getByText("Layanan ini untuk usia 17 tahun ke atas.")).toBeVisible();
      await expect(page).toHaveURL(/\/details/);
    });

    await fillDetails(page, person);
    await submitDetails(page);
    const { reference, queueNumber } = await readConfirmation(page);

    await test.step("confirmation", async () => {
      await expect(page.getByRole("heading", { level: 1, name: "Booking berhasil" })).toBeVisible();
      expect(queueNumber).toMatch(/^A-\d{3}$/);
      await expect(page.getByText(display(reference), { exact: true })).toBeVisible();
      await expect(page.getByText(person.maskedNik)).toBeVisible();
      await expect(page.getByRole("img", { name: new RegExp(display(reference)) })).toBeVisible();
      await expectNikNeverInFull(page, person);
      await expectNoAxeViolations(page, "confirmation");
    });

    await test.step("the confirmation prints without the site chrome", async () => {
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("banner")).toBeHidden();
      await expect(page.getByRole("img", { name: new RegExp(display(reference)) })).toBeVisible();
      await expect(page.getByText(queueNumber, { exact: true })).toBeVisible();
      await page.emulateMedia({ media: "screen" });
    });

    await test.step("calendar file and WhatsApp link", async () => {
      const calendarHref = await page.getByRole("link", { name: "Tambah ke kalender" }).getAttribute("href");
      const ics = await page.request.get(calendarHref!);
      expect(ics.status()).toBe(200);
      expect(ics.headers()["content-type"]).toContain("text/calendar");
      const body = await ics.text();
      expect(body).toContain("BEGIN:VEVENT");
      expect(body).toContain(display(reference));
      expect(body).not.toContain(person.nik);

      const share = await page.getByRole("link", { name: "Bagikan lewat WhatsApp" }).getAttribute("href");
      expect(share).toMatch(/^https:\/\/wa\.me\/\?text=/);
      const text = decodeURIComponent(share!.split("text=")[1]!);
      expect(text).toContain(display(reference));
      expect(text).toContain(queueNumber);
      expect(text).not.toContain(person.nik);
    });

    await test.step("A4 print page", async () => {
      await page.getByRole("link", { name: "Cetak (A4)" }).click();
      await expect(page).toHaveURL(new RegExp(`/booking/${reference}/print$`));
      await expect(page.getByRole("banner")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Cetak sekarang" })).toBeVisible();
      await expectNoAxeViolations(page, "print A4");
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("button", { name: "Cetak sekarang" })).toBeHidden();
      await expect(page.getByRole("link", { name: "Kembali ke bukti booking" })).toBeHidden();
      await expect(page.getByRole("img", { name: new RegExp(display(reference)) })).toBeVisible();
      await expect(page.getByText(display(reference), { exact: true })).toBeVisible();
      await expect(page.getByText(person.maskedNik)).toBeVisible();
      await expectNikNeverInFull(page, person);
      await page.emulateMedia({ media: "screen" });
    });

    await test.step("80 mm receipt", async () => {
      await page.goto(`/booking/${reference}/print?format=receipt`);
      await expectNoAxeViolations(page, "print receipt");
      await page.emulateMedia({ media: "print" });
      const qr = page.getByRole("img", { name: new RegExp(display(reference)) });
      await expect(qr).toBeVisible();
      // 80 mm is about 302 CSS pixels: nothing on the slip may be wider.
      const width = await page.getByRole("main").evaluate((el) => el.getBoundingClientRect().width);
      expect(width).toBeLessThanOrEqual(303);
    });
  });

  test("look up → reschedule → cancel; every page passes axe", async ({ page }) => {
    // A dozen pages, each scanned by axe: on two busy cores this takes tens of seconds.
    test.slow();
    const person = randomPerson();
    const booked = await bookViaApi(page.request, person);

    await test.step("look up: a wrong NIK and the right one", async () => {
      await page.goto("/check");
      await expectNoAxeViolations(page, "check");
      await page.getByLabel(/^Kode booking/).fill(display(booked.reference));
      await page.getByLabel(/^NIK/).fill(randomPerson().nik);
      await page.getByRole("button", { name: "Cek booking" }).click();
      await expect(page.getByText(/Booking tidak ditemukan/)).toBeVisible();
      await expectNoAxeViolations(page, "check with an error");

      await page.getByLabel(/^Kode booking/).fill(display(booked.reference));
      await page.getByLabel(/^NIK/).fill(person.nik);
      await page.getByRole("button", { name: "Cek booking" }).click();
      await expect(page).toHaveURL(new RegExp(`/booking/${booked.reference}$`));
      await expect(page.getByText(booked.queueNumber, { exact: true })).toBeVisible();
    });

    const moved = await test.step("reschedule to another session", async () => {
      await page.getByRole("link", { name: "Ubah jadwal", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Ubah jadwal" })).toBeVisible();
      await expect(page.getByRole("radio", { checked: true })).toHaveAttribute("value", booked.slot);
      await expectNoAxeViolations(page, "reschedule");
      const slot = await chooseSession(page, { except: booked.slot });
      await page.getByRole("button", { name: "Pindahkan ke sesi ini" }).click();
      await expect(page.getByText("Jadwal sudah diubah.")).toBeVisible();
      return slot;
    });
    const [date, start] = moved.split("_");
    const afterMove = await lookUp(page.request, booked.reference, person.nik);
    expect([afterMove.date, afterMove.session.start]).toEqual([date, start]);

    await test.step("cancel", async () => {
      await page.getByRole("link", { name: "Batalkan booking", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Batalkan booking?" })).toBeVisible();
      await expectNoAxeViolations(page, "cancel");
      await page.getByRole("button", { name: "Ya, batalkan booking" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Booking dibatalkan" })).toBeVisible();
      await expectNoAxeViolations(page, "cancelled booking");
    });
    expect((await lookUp(page.request, booked.reference, person.nik)).status).toBe("cancelled");
  });

  test("the English switch keeps the page and translates the journey", async ({ page }) => {
    await page.goto(`/services/${KTP_SERVICE.slug}`);
    await page.getByRole("button", { name: /english/i }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${KTP_SERVICE.slug}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 2, name: "Requirements" })).toBeVisible();
    await expectNoAxeViolations(page, "service (English)");
    await confirmChecklist(page);
    await expectNoAxeViolations(page, "dates (English)");
  });

  test("an unknown booking is a 404 page that passes axe", async ({ page }) => {
    const response = await page.goto("/booking/ZZZZZZZZ");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, "not found");
  });
});

test.describe("citizen booking without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("book, print, reschedule and cancel with plain form posts", async ({ page }) => {
    const person = randomPerson();
    await page.goto(`/services/${KTP_SERVICE.slug}`);
    await confirmChecklist(page);
    const slot = await chooseSession(page);
    await page.getByRole("button", { name: "Lanjut isi data" }).click();

    await submitDetails(page);
    await expect(page.getByLabel(/^NIK/)).toHaveAttribute("aria-invalid", "true");

    await fillDetails(page, person);
    await submitDetails(page);
    const { reference, queueNumber } = await readConfirmation(page);
    await expect(page.getByRole("heading", { level: 1, name: "Booking berhasil" })).toBeVisible();
    expect(queueNumber).toMatch(/^A-\d{3}$/);

    await page.getByRole("link", { name: "Cetak (A4)" }).click();
    await expect(page).toHaveURL(new RegExp(`/booking/${reference}/print$`));
    // Without JavaScript the browser's own print command is the way; the page says how to go back.
    await expect(page.getByRole("button", { name: "Cetak sekarang" })).toHaveCount(0);
    await page.getByRole("link", { name: "Kembali ke bukti booking" }).click();

    await page.getByRole("link", { name: "Ubah jadwal", exact: true }).click();
    await chooseSession(page, { except: slot });
    await page.getByRole("button", { name: "Pindahkan ke sesi ini" }).click();
    await expect(page.getByText("Jadwal sudah diubah.")).toBeVisible();

    await page.getByRole("link", { name: "Batalkan booking", exact: true }).click();
    await page.getByRole("button", { name: "Ya, batalkan booking" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Booking dibatalkan" })).toBeVisible();
  });

  test("look up a booking", async ({ page }) => {
    const person = randomPerson();
    const booked = await bookViaApi(page.request, person);
    await page.goto("/check");
    await page.getByLabel(/^Kode booking/).fill(booked.reference.toLowerCase());
    await page.getByLabel(/^NIK/).fill(person.nik);
    await page.getByRole("button", { name: "Cek booking" }).click();
    await expect(page).toHaveURL(new RegExp(`/booking/${booked.reference}$`));
    await expect(page.getByRole("link", { name: "Batalkan booking", exact: true })).toBeVisible();
  });
});
