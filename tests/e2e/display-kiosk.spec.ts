import { expect, test } from "@playwright/test";
import { loginAs, openEventStream, randomPerson } from "./fixtures";
import { activateDevice, bookToday } from "./fixtures/devices";

/** Screens without a login (issue #3): device activation, the call display and the check-in kiosk. */

test.describe("device screens", () => {
  test("an activation link works once, only by its button (a fetch of the link spends nothing), and leaves no token in the address", async ({ browser }) => {
    const { screen, link } = await activateDevice(browser, "display", { beforeActivating: async (link, request) => {
      // A chat app's link preview or a mail scanner fetches the link first: nothing is spent, no cookie is set.
      const preview = await request.get(link, { maxRedirects: 0 });
      expect(preview.status()).toBe(200);
      expect(preview.headers()["set-cookie"] ?? "").not.toContain("antrean_device");
    } });
    expect(screen.url()).not.toContain("token");
    const cookie = (await screen.context().cookies()).find((c) => c.name === "antrean_device");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(link).not.toContain(cookie!.value);

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(link);
    await stranger.getByRole("button", { name: "Aktifkan layar ini" }).click();
    await expect(stranger).toHaveURL(/\/display\?activation=failed$/);
    await expect(stranger.getByRole("heading", { name: "Layar ini belum diaktifkan" })).toBeVisible();
    await expect(stranger.getByRole("main").getByRole("alert")).toContainText("sudah pernah dipakai");
    await expect(stranger.getByText(/Loket|Nomor dipanggil/)).toHaveCount(0);
  });

  test("the display shows a called number within a second, with voice, and no NIK or name", async ({ browser }) => {
    const { screen: display } = await activateDevice(browser, "display");
    await expect(display).toHaveTitle(/^Layar panggilan/);
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
    await kiosk.getByLabel("Kode booking", { exact: true }).fill(booking.reference);
    await kiosk.getByLabel("Kode booking", { exact: true }).press("Enter");
    await expect(kiosk.getByLabel("NIK", { exact: true })).toBeFocused();
    await kiosk.getByLabel("NIK", { exact: true }).fill(randomPerson().nik);
    await kiosk.getByRole("button", { name: "Check-in" }).click();
    await expect(kiosk.getByRole("main").getByRole("alert")).toContainText("Booking tidak ditemukan");

    // Scanner-style: the reference as a link, typed and followed by Enter.
    await kiosk.getByLabel("Kode booking", { exact: true }).fill(`https://antrean.example/booking/${booking.reference}`);
    await kiosk.getByLabel("Kode booking", { exact: true }).press("Enter");
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
    await expect(kiosk.getByLabel("Kode booking", { exact: true })).toHaveValue("");
  });

  test("the kiosk form also works without JavaScript", async ({ browser }) => {
    const { screen: kiosk } = await activateDevice(browser, "kiosk", { javaScriptEnabled: false });
    const operator = await (await browser.newContext()).newPage();
    await loginAs(operator, "operator");
    const person = randomPerson();
    const booking = await bookToday(operator, person, "assisted");
    await kiosk.getByLabel("Kode booking", { exact: true }).fill(booking.reference);
    await kiosk.getByLabel("NIK", { exact: true }).fill(person.nik);
    await kiosk.getByRole("button", { name: "Check-in" }).click();
    await expect(kiosk.getByRole("heading", { name: /Check-in berhasil/ })).toBeVisible();
    await expect(kiosk.getByText(booking.queueNumber).first()).toBeVisible();
    await expect(kiosk).toHaveTitle(/^Check-in mandiri/);
    // The language link without JavaScript: the page, its words and its title in English.
    await kiosk.getByRole("link", { name: "English" }).click();
    await expect(kiosk).toHaveURL(/\/kiosk\?lang=en$/);
    await expect(kiosk).toHaveTitle(/^Self check-in/);
    await expect(kiosk.getByRole("heading", { level: 1, name: "Self check-in" })).toBeVisible();
    await expect(kiosk.getByLabel("Booking code", { exact: true })).toBeVisible();
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
