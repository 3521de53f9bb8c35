import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";

/**
 * A newcomer's install: no DATABASE_URL, an empty data folder, the app migrated and seeded PGlite as it
 * started (and holds the folder's lock). The services must be the ones the office published (db/seed/data).
 */
type Catalogue = { office: { shortName: string }; services: { id: string; category: string; name: string }[] };
const catalogue = JSON.parse(readFileSync("db/seed/data/kota-bogor-services.json", "utf8")) as Catalogue;

test.describe("newcomer on the embedded database", { tag: "@embedded" }, () => {
  test("/api/health reports the embedded database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "pglite" });
  });

  test("the main office's page lists the seeded services by category, in Indonesian", async ({ page }) => {
    // Several places are seeded: the home page asks for one first (tests/e2e/embedded/places.spec.ts).
    await page.goto("/");
    await page.getByRole("link", { name: `Pilih ${catalogue.office.shortName}` }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(catalogue.office.shortName);
    for (const category of new Set(catalogue.services.map((s) => s.category))) {
      const group = page.getByRole("region", { name: category, exact: true });
      for (const service of catalogue.services.filter((s) => s.category === category)) {
        await expect(group.getByRole("link", { name: service.name })).toHaveAttribute("href", `/services/${service.id}?office=kota-bogor`);
      }
    }
    await expectNoAxeViolations(page);
  });

  test("the language switch turns the page into English and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: /english/i }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Choose a service point/);
    await expectNoAxeViolations(page, "/ (English)");

    await page.getByRole("button", { name: /indonesia/i }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Pilih tempat layanan/);
  });

  test("Kota Bogor has bookable dates with places left", async ({ request }) => {
    const response = await request.get("/api/v1/availability?office=kota-bogor&service=ktp-el-baru");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { firstAvailableDate: string | null; days: { open: boolean; sessions: { remaining: number }[] }[] };
    expect(body.firstAvailableDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.days.some((d) => d.open && d.sessions.some((s) => s.remaining > 0))).toBe(true);
  });
});
