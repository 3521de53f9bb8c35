import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { E2E_OFFICE } from "./fixtures/accounts";
import { KTP_SERVICE } from "./fixtures/citizen";
import { insertOfficeCopy, stageOfficeCopy, withE2ESql } from "./fixtures/office-copy";

/**
 * Two dead ends a tester met on a 360×640 phone, with and without JavaScript. A checklist sent back
 * incomplete keeps the ticks made and lands at the error, right above the list (focused with JavaScript).
 * A date with no bookable session has no send button (it could only answer "choose a session") and offers
 * the next date with room instead.
 */
test.describe.configure({ mode: "parallel" });
test.use({ viewport: { width: 360, height: 640 } });

const SERVICE = "akta-kelahiran";

const readyBoxes = (page: Page) => page.getByRole("checkbox", { name: /^Saya sudah menyiapkan/ });

async function checklistKeepsTicks(page: Page, js: boolean): Promise<void> {
  await page.goto(`/services/${SERVICE}`);
  const boxes = readyBoxes(page);
  const count = await boxes.count();
  expect(count, "a service with several documents to prepare").toBeGreaterThanOrEqual(3);
  // All but the last ticked.
  for (let i = 0; i < count - 1; i++) await boxes.nth(i).check();
  await page.getByRole("button", { name: "Lanjut pilih jadwal" }).click();

  await expect(page).toHaveURL(/\/services\/akta-kelahiran\?incomplete=1(&ready=\d+)+#checklist$/);
  const error = page.getByRole("alert").filter({ hasText: /^Centang semua dokumen/ });
  await expect(error).toBeVisible();
  for (let i = 0; i < count - 1; i++) await expect(boxes.nth(i), `box ${i + 1} stays ticked`).toBeChecked();
  await expect(boxes.nth(count - 1)).not.toBeChecked();
  // The error and the start of the list on the screen, without scrolling.
  await expect(error).toBeInViewport();
  await expect(boxes.first()).toBeInViewport();
  if (js) {
    // Focus moved to the error (read from the document: toBeFocused also needs the window to be active,
    // which a headless page that another worker's page shares the browser with is not always).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("checklist-error");
    await expectNoAxeViolations(page, "service with the checklist sent back");
  }

  // Only the box left out is ticked now, and the person goes on.
  await boxes.nth(count - 1).check();
  await page.getByRole("button", { name: "Lanjut pilih jadwal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pilih tanggal dan sesi" })).toBeVisible();
}

/**
 * A place of its own (a copy of the always-open e2e office, not listed under it) closed on one weekday,
 * the day after tomorrow's (so nothing else changes for other specs): that date and the next one.
 */
async function createPlaceClosedOneWeekday(): Promise<{ slug: string; closed: string; next: string }> {
  const slug = `e2e-tutup-${randomBytes(3).toString("hex")}`;
  return withE2ESql((sql) =>
    sql.begin(async (tx) => {
      const [day] = await tx<{ closed: string; next: string; weekday: number }[]>`
        select to_char(d, 'YYYY-MM-DD') as closed, to_char(d + 1, 'YYYY-MM-DD') as next, extract(isodow from d)::int as weekday
        from (select (now() at time zone timezone)::date + 2 as d from offices where slug = ${E2E_OFFICE.slug}) x`;
      await stageOfficeCopy(tx, { slug, name: "Tempat Uji Hari Tutup", shortName: "Uji Tutup" });
      await tx`update office_copy set open_weekdays = array_remove(open_weekdays, ${day!.weekday}::smallint)`;
      await insertOfficeCopy(tx);
      return { slug, closed: day!.closed, next: day!.next };
    }),
  );
}

async function closedDateOffersTheNext(page: Page, js: boolean): Promise<void> {
  const place = await createPlaceClosedOneWeekday();
  await page.goto(`/book/${KTP_SERVICE.slug}?checklist=confirmed&office=${place.slug}&date=${place.closed}`);
  await expect(page.getByText("Tidak ada layanan pada hari ini")).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Lanjut isi data" })).toHaveCount(0);
  const next = page.getByRole("link", { name: /^Pilih tanggal berikutnya yang masih ada kuota: / });
  await expect(next).toBeVisible();
  await expect(next).toHaveAttribute("href", `/book/${KTP_SERVICE.slug}?checklist=confirmed&date=${place.next}&office=${place.slug}`);
  if (js) await expectNoAxeViolations(page, "date page on a closed date");

  await next.click();
  await expect(page).toHaveURL(new RegExp(`date=${place.next}`));
  await expect(page.locator('a[aria-current="date"]')).toHaveAttribute("href", new RegExp(`date=${place.next}`));
  await expect(page.getByRole("radio", { disabled: false }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Lanjut isi data" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Pilih tanggal berikutnya/ })).toHaveCount(0);
}

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });

    test("a checklist sent back keeps the ticks made and shows its error in view, above the list", async ({ page }) => {
      await checklistKeepsTicks(page, js);
    });

    test("a closed date has no send button and offers the next date with room", async ({ page }) => {
      await closedDateOffersTheNext(page, js);
    });
  });
}
