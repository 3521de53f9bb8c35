import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { expectNoAxeViolations, loginAs, randomPerson } from "./fixtures";
import { activateDevice, bookToday } from "./fixtures/devices";
import { e2eDatabaseUrl } from "./fixtures/environment";

/**
 * Issue #11: the satisfaction survey on the office's kiosk. Serving at a counter is another spec's journey;
 * here the booking is marked served in the e2e database, the way a counter leaves it.
 */
async function markServed(reference: string): Promise<void> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const updated = await sql`
      update bookings set status = 'done', checked_in_at = now() - interval '40 minutes', called_at = now() - interval '20 minutes',
             serving_started_at = now() - interval '19 minutes', finished_at = now() - interval '5 minutes'
      where reference = ${reference} returning id`;
    expect(updated).toHaveLength(1);
  } finally {
    await sql.end();
  }
}

async function bookServedAndWaiting(page: Page) {
  await loginAs(page, "operator");
  const served = await bookToday(page, randomPerson(), "assisted");
  await markServed(served.reference);
  const waiting = await bookToday(page, randomPerson(), "assisted");
  return { served, waiting };
}

async function enterCode(kiosk: Page, code: string, field = "Kode booking", button = "Lanjut") {
  await kiosk.getByLabel(field, { exact: true }).fill(code);
  await kiosk.getByRole("button", { name: button }).click();
}

for (const javaScriptEnabled of [true, false]) {
  // axe runs inside the page, so only with JavaScript; the markup is the same without it.
  const axe = (kiosk: Page, name: string) => (javaScriptEnabled ? expectNoAxeViolations(kiosk, name) : Promise.resolve());
  test(`a finished visit's survey is filled on the kiosk with large buttons, once (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, page }) => {
    const { served, waiting } = await bookServedAndWaiting(page);
    const { screen: kiosk } = await activateDevice(browser, "kiosk", { javaScriptEnabled });
    await kiosk.setViewportSize({ width: 1280, height: 1024 });

    await kiosk.getByRole("link", { name: "Isi survei kepuasan" }).click();
    await expect(kiosk.getByRole("heading", { name: "Survei kepuasan", level: 1 })).toBeVisible();
    await axe(kiosk, "/kiosk/survey");

    // A visit not yet served is refused, in the reader's language.
    await enterCode(kiosk, waiting.reference);
    await expect(kiosk.getByRole("main").getByRole("alert")).toContainText("setelah layanan selesai");

    await enterCode(kiosk, served.reference);
    const groups = kiosk.getByRole("main").getByRole("group");
    await expect(groups).toHaveCount(9);
    await expect(groups.first()).toContainText("kesesuaian persyaratan pelayanan");
    // Each answer is a large touch target with the regulation's words; a touch on it chooses it.
    for (let i = 0; i < 9; i++) {
      const answer = groups.nth(i).locator("label").nth(3);
      const box = await answer.boundingBox();
      expect(box!.height, "answer buttons are large touch targets").toBeGreaterThanOrEqual(64);
      await answer.click();
    }
    await expect(groups.nth(8).getByRole("radio", { name: /Sangat baik/ })).toBeChecked();
    await axe(kiosk, "/kiosk/survey (questions)");
    await kiosk.getByRole("button", { name: "Kirim survei" }).click();
    await expect(kiosk.getByRole("heading", { name: /Terima kasih/ })).toBeVisible();
    await axe(kiosk, "/kiosk/survey (thanks)");

    // The screen goes back to the check-in by itself.
    await expect(kiosk).toHaveURL(/\/kiosk(\?.*)?$/, { timeout: 15_000 });
    await expect(kiosk.getByLabel("Kode booking", { exact: true })).toBeVisible();

    // A second try, in English this time, is told it is already filled.
    await kiosk.goto("/kiosk/survey?lang=en");
    await enterCode(kiosk, served.reference, "Booking code", "Continue");
    await expect(kiosk.getByRole("main").getByRole("alert")).toContainText("already been filled in");
  });
}
