import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginAs, openEventStream, randomPerson, type Person } from "./fixtures";
import { KTP_SERVICE } from "./fixtures/citizen";

/** Screens without a login (issue #3): device activation, the call display and the check-in kiosk. */

const todayInJakarta = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());

/** An admin creates a device; its one-time link, opened in a fresh browser (the TV or kiosk), activates it. */
async function activateDevice(browser: Browser, kind: "display" | "kiosk", options: { javaScriptEnabled?: boolean } = {}): Promise<{ screen: Page; link: string }> {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await loginAs(admin, "admin");
  await admin.goto("/staff/devices");
  const name = `${kind === "display" ? "TV" : "Kiosk"} ${Date.now()}`;
  await admin.getByRole("radio", { name: kind === "display" ? /^Layar panggilan/ : /^Kiosk check-in/ }).check();
  await admin.getByLabel("Nama perangkat").fill(name);
  await admin.getByRole("button", { name: "Buat perangkat" }).click();
  const link = await admin.getByRole("textbox", { name: `Tautan aktivasi untuk ${name}` }).inputValue();
  expect(link).toMatch(/\/device\/activate\?token=[\w-]{40,}$/);
  await expect(admin.getByRole("rowheader", { name })).toBeVisible();
  await adminContext.close();

  const screen = await (await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true })).newPage();
  await screen.goto(link);
  await expect(screen).toHaveURL(kind === "display" ? /\/display$/ : /\/kiosk$/);
  return { screen, link };
}

/** An operator books for a citizen at the counter, for today: a walk-in (checked in at once) or an assisted booking. */
async function bookToday(page: Page, person: Person, channel: "walk_in" | "assisted"): Promise<{ reference: string; queueNumber: string }> {
  await page.goto(`/staff/assist?service=${KTP_SERVICE.slug}&date=${todayInJakarta()}`);
  await page.getByRole("radio", { name: channel === "walk_in" ? /^Datang langsung/ : /^Booking dibantu/ }).check();
  await page.getByLabel(/^NIK/).fill(person.nik);
  await page.getByLabel(/^Nama sesuai/).fill(person.name);
  await page.getByLabel(/^Nomor HP/).fill(person.phone);
  await page.getByRole("button", { name: /^Buat booking/ }).click();
  await expect(page).toHaveURL(/\/staff\/slip\/[A-Z0-9]{8}/);
  const reference = /\/staff\/slip\/([A-Z0-9]{8})/.exec(page.url())![1]!;
  const queueNumber = (await page.getByText(/^[A-Z]-\d{3}$/).first().textContent())!;
  return { reference, queueNumber };
}

test.describe("device screens", () => {
  test("an activation link works once and leaves no token in the address", async ({ browser }) => {
    const { screen, link } = await activateDevice(browser, "display");
    expect(screen.url()).not.toContain("token");
    const cookie = (await screen.context().cookies()).find((c) => c.name === "antrean_device");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(link).not.toContain(cookie!.value);

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(link);
    await expect(stranger).toHaveURL(/\/display\?activation=failed$/);
    await expect(stranger.getByRole("heading", { name: "Layar ini belum diaktifkan" })).toBeVisible();
    await expect(stranger.getByRole("main").getByRole("alert")).toContainText("sudah pernah dipakai");
    await expect(stranger.getByText(/Loket|Nomor dipanggil/)).toHaveCount(0);
  });

  test("the display shows a called number within a second, with voice, and no NIK or name", async ({ browser }) => {
    const { screen: display } = await activateDevice(browser, "display");
    // The "Aktifkan suara" gate waits for one press, unless the browser already allows sound (a TV in kiosk
    // mode; sometimes headless Chromium), when it opens by itself. Either way it must get out of the way.
    const gate = display.getByRole("button", { name: "Aktifkan suara" });
    await gate.click({ timeout: 3000 }).catch(() => {});
    await expect(gate).toHaveCount(0);
    expect(await display.evaluate(() => "speechSynthesis" in window && typeof AudioContext === "function")).toBe(true);
    const stream = await openEventStream(display, "/api/v1/display/events", { events: ["snapshot", "queue"] });
    await stream.waitForMessage((m) => m.event === "snapshot");

    const operator = await (await browser.newContext()).newPage();
    await loginAs(operator, "operator2");
    const person = randomPerson();
    await bookToday(operator, person, "walk_in");
    await operator.goto("/staff/counter/2");
    const pressed = Date.now();
    await operator.getByRole("button", { name: "Panggil berikutnya" }).click();
    // Other specs call at Loket 1 meanwhile, and call next takes whoever waits first: whichever number this
    // press called (the counter says so) is the one Loket 2's tile on the TV must show.
    const notice = operator.getByRole("main").getByText(/^Nomor [A-Z]-\d{3} dipanggil\.$/);
    await expect(notice).toBeVisible();
    const queueNumber = /[A-Z]-\d{3}/.exec((await notice.textContent())!)![0];
    await expect(display.getByRole("listitem", { name: "Loket 2" })).toContainText(queueNumber, { timeout: 1000 });
    console.info(`[e2e] call next → number on the display: ${Date.now() - pressed} ms (click, server action, NOTIFY, SSE, render)`);
    await stream.waitForMessage((m) => m.event === "queue" && (JSON.parse(m.data) as { queueNumber?: string }).queueNumber === queueNumber);
    await expect(display.getByRole("region", { name: "Panggilan terakhir" })).toContainText(queueNumber);

    const text = await display.locator("body").innerText();
    expect(text).not.toContain(person.nik);
    expect(text).not.toContain(person.maskedNik);
    await stream.close();
  });

  test("kiosk check-in by scanned reference and NIK, with an 80 mm slip", async ({ browser }) => {
    const { screen: kiosk } = await activateDevice(browser, "kiosk");
    const operator = await (await browser.newContext()).newPage();
    await loginAs(operator, "operator");
    const person = randomPerson();
    const booking = await bookToday(operator, person, "assisted");

    // A wrong NIK first: a big, clear error, nothing checked in.
    await kiosk.getByLabel("Kode booking").fill(booking.reference);
    await kiosk.getByLabel("Kode booking").press("Enter");
    await expect(kiosk.getByLabel("NIK", { exact: true })).toBeFocused();
    await kiosk.getByLabel("NIK", { exact: true }).fill(randomPerson().nik);
    await kiosk.getByRole("button", { name: "Check-in" }).click();
    await expect(kiosk.getByRole("main").getByRole("alert")).toContainText("Booking tidak ditemukan");

    // Scanner-style: the reference as a link, typed and followed by Enter.
    await kiosk.getByLabel("Kode booking").fill(`https://antrean.example/booking/${booking.reference}`);
    await kiosk.getByLabel("Kode booking").press("Enter");
    await kiosk.getByLabel("NIK", { exact: true }).fill(person.nik);
    await kiosk.getByLabel("NIK", { exact: true }).press("Enter");
    await expect(kiosk.getByRole("heading", { name: /Check-in berhasil/ })).toBeVisible();
    await expect(kiosk.getByText(booking.queueNumber).first()).toBeVisible();
    await expect(kiosk.getByRole("button", { name: /Cetak slip/ })).toBeVisible();
    expect(await kiosk.content()).not.toContain(person.nik);

    await kiosk.emulateMedia({ media: "print" });
    const slip = kiosk.getByRole("article");
    await expect(slip).toBeVisible();
    await expect(slip).toContainText(booking.queueNumber);
    await expect(slip).toContainText(person.maskedNik);
    await expect(slip.getByRole("img", { name: /Kode QR booking/ })).toBeVisible();
    await kiosk.emulateMedia({ media: "screen" });

    await kiosk.getByRole("link", { name: "Selesai" }).click();
    await expect(kiosk.getByLabel("Kode booking")).toHaveValue("");
  });

  test("the kiosk form also works without JavaScript", async ({ browser }) => {
    const { screen: kiosk } = await activateDevice(browser, "kiosk", { javaScriptEnabled: false });
    const operator = await (await browser.newContext()).newPage();
    await loginAs(operator, "operator");
    const person = randomPerson();
    const booking = await bookToday(operator, person, "assisted");
    await kiosk.getByLabel("Kode booking").fill(booking.reference);
    await kiosk.getByLabel("NIK", { exact: true }).fill(person.nik);
    await kiosk.getByRole("button", { name: "Check-in" }).click();
    await expect(kiosk.getByRole("heading", { name: /Check-in berhasil/ })).toBeVisible();
    await expect(kiosk.getByText(booking.queueNumber).first()).toBeVisible();
  });

  test("an unactivated screen shows instructions and no data; the stream answers 401", async ({ page, request }) => {
    for (const path of ["/display", "/kiosk"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Layar ini belum diaktifkan" })).toBeVisible();
      await expect(page.getByText(/Nomor dipanggil|Kode booking/)).toHaveCount(0);
    }
    const response = await request.get("/api/v1/display/events");
    expect(response.status()).toBe(401);
  });
});
