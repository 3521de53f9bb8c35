import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { KTP_SERVICE, bookVisit, chooseSession, confirmChecklist, fillDetails, readConfirmation, submitDetails } from "./fixtures/citizen";
import { randomPerson, randomPhone, type Person } from "./fixtures/people";

/**
 * The citizen's way around the booking (issue 6, items 10, 12 and 15): the consent tick survives an
 * error, the language switch keeps the page and what was typed, and a lost reference is found again.
 */
test.describe.configure({ mode: "parallel" });

const consent = (page: Page) => page.getByRole("checkbox", { name: /^(Saya setuju|I agree)/ });

const storedInput = (page: Page) => page.evaluate(() => sessionStorage.getItem("antrean:typed-input"));

async function openDetails(page: Page): Promise<void> {
  await page.goto(`/services/${KTP_SERVICE.slug}`);
  await confirmChecklist(page);
  await chooseSession(page);
  await page.getByRole("button", { name: /^(Lanjut isi data|Continue)/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^(Isi data diri|Your details)/ })).toBeVisible();
}

/** A validation error (a bad phone number) keeps everything typed, the consent tick included; fixing the phone alone books. */
async function consentSurvivesAnError(page: Page, person: Person): Promise<void> {
  await openDetails(page);
  await fillDetails(page, { ...person, phone: "12345" });
  await submitDetails(page);
  await expect(page.getByLabel(/^Nomor HP/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^NIK/)).toHaveValue(person.nik);
  await expect(page.getByLabel(/^Nama lengkap/)).toHaveValue(person.name);
  await expect(consent(page)).toBeChecked();

  await page.getByLabel(/^Nomor HP/).fill(person.phone);
  await submitDetails(page);
  await readConfirmation(page);
  await expect(page.getByRole("heading", { level: 1, name: "Booking berhasil" })).toBeVisible();
}

/**
 * From "this NIK already has an active booking" (sent with another phone number than the booking's) to the
 * booking itself, by NIK + the booking's phone, manageable.
 */
async function recoverFromDuplicate(page: Page, person: Person, typedPhone: string, reference: string, js: boolean): Promise<void> {
  await expect(page.getByText("NIK ini sudah memiliki booking aktif pada tanggal tersebut.")).toBeVisible();
  // The NIK field is marked too, not only the box at the top.
  await expect(page.getByLabel(/^NIK/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("NIK ini sudah punya booking pada tanggal ini.")).toBeVisible();
  await page.getByRole("link", { name: /Cari dengan NIK dan nomor HP/ }).click();
  await expect(page).toHaveURL(/\/check\/recover$/);
  await expect(page.getByRole("heading", { level: 1, name: "Cari booking dengan NIK dan nomor HP" })).toBeVisible();
  if (js) {
    // The NIK and phone just typed come along (through sessionStorage, not the address).
    await expect(page.getByLabel(/^NIK/)).toHaveValue(person.nik);
    await expect(page.getByLabel(/^Nomor HP/)).toHaveValue(typedPhone);
    expect(await storedInput(page), "put back, then removed from sessionStorage").toBeNull();
    // axe runs in the page, so only where JavaScript is on.
    await expectNoAxeViolations(page, "recover");
  }

  await page.getByLabel(/^NIK/).fill(person.nik);
  await page.getByLabel(/^Nomor HP/).fill(randomPhone());
  await page.getByRole("button", { name: "Cari booking saya" }).click();
  await expect(page.getByText(/Booking aktif tidak ditemukan/)).toBeVisible();

  await page.getByLabel(/^NIK/).fill(person.nik);
  await page.getByLabel(/^Nomor HP/).fill(person.phone);
  await page.getByRole("button", { name: "Cari booking saya" }).click();
  await expect(page).toHaveURL(new RegExp(`/booking/${reference}$`));
  // The manage cookie is set, as after a look-up: change and cancel are offered straight away.
  await expect(page.getByRole("link", { name: "Batalkan booking", exact: true })).toBeVisible();
  expect(page.url()).not.toContain(person.nik);
}

/**
 * Back after booking and the same form sent again (a double tap, a slow first answer): the same NIK and
 * phone land on the booking already made, with a note and nothing new booked. Sent again with another
 * phone number, it is the "already booked" error, which leads to the booking by NIK + phone.
 */
async function backAndSendAgain(page: Page, { js }: { js: boolean }): Promise<void> {
  const person = randomPerson();
  const booked = await bookVisit(page, person);
  await page.goBack();
  await expect(page).toHaveURL(/\/details/);
  await fillDetails(page, person);
  await submitDetails(page);
  await expect(page).toHaveURL(new RegExp(`/booking/${booked.reference}\\?done=already$`));
  await expect(page.getByText("Anda sudah punya booking pada tanggal ini — inilah booking Anda.", { exact: false })).toBeVisible();
  await expect(page.getByText(/^[A-Z]-\d{3}$/).first()).toHaveText(booked.queueNumber);
  await expect(page.getByRole("link", { name: "Batalkan booking", exact: true })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/details/);
  const otherPhone = randomPhone();
  await fillDetails(page, { ...person, phone: otherPhone });
  await submitDetails(page);
  await recoverFromDuplicate(page, person, otherPhone, booked.reference, js);
}

test.describe("the citizen's way with JavaScript", () => {
  test("consent stays ticked after a validation error", async ({ page }) => {
    await consentSurvivesAnError(page, randomPerson());
  });

  test("back after booking, send again: the same person gets their booking; with another phone the duplicate error leads to it by NIK + phone", async ({ page }) => {
    await backAndSendAgain(page, { js: true });
  });

  test("the language switch returns to the current page after link navigation, with the input kept", async ({ page }) => {
    const person = randomPerson();
    await page.goto("/");
    // A client-side link navigation: the layout (and the switch in it) is not rendered again.
    await page.getByRole("link", { name: "Cek / batalkan booking" }).first().click();
    await expect(page).toHaveURL(/\/check$/);
    await page.getByLabel(/^Kode booking/).fill("ABCD-EFGH");
    await page.getByLabel(/^NIK/).fill(person.nik);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/check$/);
    await expect(page.getByRole("heading", { level: 1, name: /^Check, change or cancel/ })).toBeVisible();
    await expect(page.getByLabel(/^Booking code/)).toHaveValue("ABCD-EFGH");
    await expect(page.getByLabel(/^NIK/)).toHaveValue(person.nik);
    expect(page.url()).not.toContain(person.nik);
    expect(await storedInput(page), "put back, then removed from sessionStorage").toBeNull();
  });

  test("the language switch on the details form keeps every field and the tick, and the booking goes through in English", async ({ page }) => {
    const person = randomPerson();
    await openDetails(page);
    const details = page.url();
    await fillDetails(page, person);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Your details" })).toBeVisible();
    expect(page.url()).toBe(details);
    await expect(page.getByLabel(/^NIK/)).toHaveValue(person.nik);
    await expect(page.getByLabel(/^Full name/)).toHaveValue(person.name);
    await expect(page.getByLabel(/^Mobile number/)).toHaveValue(person.phone);
    await expect(page.getByLabel(/^Email/)).toHaveValue(person.email);
    await expect(consent(page)).toBeChecked();

    await submitDetails(page);
    await readConfirmation(page);
    await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  });
});

test.describe("the citizen's way without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("consent stays ticked after a validation error", async ({ page }) => {
    await consentSurvivesAnError(page, randomPerson());
  });

  test("back after booking, send again: the same person gets their booking; with another phone the duplicate error leads to it by NIK + phone", async ({ page }) => {
    await backAndSendAgain(page, { js: false });
  });

  test("the language switch returns to the page that was loaded", async ({ page }) => {
    await page.goto("/check");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page).toHaveURL(/\/check$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
