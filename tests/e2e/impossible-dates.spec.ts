import { expect, test } from "@playwright/test";
import { bookViaApi, KTP_SERVICE } from "./fixtures/citizen";
import { randomPerson } from "./fixtures/people";

/**
 * Impossible dates typed into the address bar or forged into a form reach the pages and the actions
 * through the same date parser as the API: a friendly page or form message, never a 500 from PostgreSQL.
 */
const IMPOSSIBLE_SLOTS = ["2026-02-30_10:00", "0000-01-01_10:00", "9999-12-31_10:00", "2026-12-07_25:00"];

test.describe("impossible dates on the pages", () => {
  for (const slot of IMPOSSIBLE_SLOTS) {
    test(`the details step with slot=${slot} sends the person back to choose a session`, async ({ page }) => {
      const response = await page.goto(`/book/${KTP_SERVICE.slug}/details?checklist=confirmed&slot=${encodeURIComponent(slot)}`);
      expect(response?.status()).toBe(200);
      await expect(page).toHaveURL(new RegExp(`/book/${KTP_SERVICE.slug}\\?checklist=confirmed&missing=1$`));
      await expect(page.getByText("Pilih salah satu sesi terlebih dahulu.")).toBeVisible();
    });
  }

  test("a reschedule form forged with an impossible date shows the form's message and moves nothing", async ({ page }) => {
    const person = randomPerson();
    const booked = await bookViaApi(page.request, person);
    await page.goto("/check");
    await page.getByLabel(/^Kode booking/).fill(booked.reference);
    await page.getByLabel(/^NIK/).fill(person.nik);
    await page.getByRole("button", { name: "Cek booking" }).click();
    await expect(page).toHaveURL(new RegExp(`/booking/${booked.reference}$`));
    await page.getByRole("link", { name: "Ubah jadwal", exact: true }).click();

    const checked = page.getByRole("radio", { checked: true });
    await checked.evaluate((radio: HTMLInputElement) => (radio.value = "2026-02-30_10:00"));
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Pindahkan ke sesi ini" }).click();
    expect((await answered).status()).toBe(200);
    await expect(page.getByText("Pilih salah satu sesi terlebih dahulu.")).toBeVisible();

    const lookup = await page.request.post("/api/v1/bookings/lookup", { data: { reference: booked.reference, nik: person.nik } });
    const after = (await lookup.json()) as { date: string; session: { start: string } };
    expect(`${after.date}_${after.session.start}`).toBe(booked.slot);
  });
});
