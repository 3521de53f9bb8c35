import { expect, test } from "@playwright/test";
import { E2E_STAFF, expectNoAxeViolations, loginAs, randomPerson } from "./fixtures";
import { bookVisit } from "./fixtures/citizen";

test.describe("messages without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the citizen turns reminders off and on again from the booking page", async ({ page }) => {
    const { reference } = await bookVisit(page, randomPerson());
    const reminders = page.getByRole("region", { name: "Pengingat" });
    await expect(reminders).toContainText("Kami mengirim pengingat sehari sebelum kunjungan");
    await reminders.getByRole("link", { name: "Matikan pengingat" }).click();
    await page.getByRole("button", { name: "Matikan pengingat" }).click();
    await expect(page.getByText("Pengingat dimatikan.")).toBeVisible();
    await page.getByRole("link", { name: "Kembali ke bukti booking" }).click();
    await expect(page).toHaveURL(new RegExp(`/booking/${reference}$`));
    await expect(reminders).toContainText("Pengingat dimatikan.");
    await reminders.getByRole("link", { name: "Nyalakan pengingat" }).click();
    await page.getByRole("button", { name: "Nyalakan pengingat" }).click();
    await expect(page.getByText("Kami mengirim pengingat sehari sebelum kunjungan")).toBeVisible();
  });
});

test("the reminders page passes axe", async ({ page }) => {
  await bookVisit(page, randomPerson());
  await page.getByRole("region", { name: "Pengingat" }).getByRole("link", { name: "Matikan pengingat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pengingat" })).toBeVisible();
  await expectNoAxeViolations(page, "reminders");
});

test("a supervisor sees the booking's confirmation in the day's outbox", async ({ page, browser }) => {
  const citizen = await browser.newPage();
  const { reference } = await bookVisit(citizen, randomPerson());
  await citizen.close();
  await loginAs(page, E2E_STAFF.supervisor);
  await page.getByRole("navigation", { name: "Menu petugas" }).getByRole("link", { name: "Pesan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pesan ke warga" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `${reference.slice(0, 4)}-${reference.slice(4)}` }) });
  await expect(row.filter({ hasText: "WhatsApp" }).filter({ hasText: "Konfirmasi" })).toHaveCount(1);
  await expectNoAxeViolations(page, "outbox");
});
