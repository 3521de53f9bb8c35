import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { KIA_SERVICE, KTP_SERVICE, bookViaApi, chooseSession, confirmChecklist, fillDetails, submitDetails } from "./fixtures/citizen";
import { randomPerson } from "./fixtures/people";

/**
 * The service content (requirement kinds, English with a visible fallback) and the phone-sized date
 * choice (issue 6 items 13, 14, 16), on the always-open e2e office whose catalogue is Kota Bogor's.
 */
test.describe.configure({ mode: "parallel" });

const BIODATA = "pencatatan-biodata-wni-dalam-wilayah-nkri";

async function useEnglish(page: Page, baseURL: string | undefined) {
  await page.context().addCookies([{ name: "lang", value: "en", url: baseURL! }]);
}

/** Width beyond the viewport (horizontal overflow) and the page's full height, in CSS pixels. */
async function measure(page: Page) {
  return page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
}

test.describe("the checklist asks to prepare documents only", () => {
  test.use({ javaScriptEnabled: false });

  test("KTP-el: the age conditions are stated, not ticked; one document to tick", async ({ page }) => {
    await page.goto(`/services/${KTP_SERVICE.slug}`);
    const conditions = page.getByRole("region", { name: "Ketentuan" });
    await expect(conditions.getByRole("listitem")).toHaveText(["Untuk pemula baru 17 tahun, belum pernah memiliki KTP-el sebelumnya", "Telah berusia 17 tahun atau lebih"]);
    await expect(page.getByRole("checkbox")).toHaveCount(1);
    await expect(page.getByRole("checkbox", { name: "Saya sudah menyiapkan: Kartu keluarga asli" })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: /berusia/ })).toHaveCount(0);
    await confirmChecklist(page);
  });

  test("Biodata: the 'if the above is missing, fill F-1.04' note is a note; photocopies are marked as such", async ({ page }) => {
    await page.goto(`/services/${BIODATA}`);
    await expect(page.getByText(/^Catatan: Apabila persyaratan di atas tidak dimiliki/)).toBeVisible();
    await expect(page.getByRole("checkbox")).toHaveCount(3);
    await expect(page.getByRole("checkbox", { name: /Apabila/ })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: "Saya sudah menyiapkan: Fotokopi bukti pendidikan terakhir" })).toBeVisible();
    await expect(page.getByText(/Bawa dokumen asli/)).toHaveCount(0);
    // Ticking two of three documents is not enough.
    await page.getByRole("checkbox").nth(0).check();
    await page.getByRole("checkbox").nth(1).check();
    await page.getByRole("button", { name: "Lanjut pilih jadwal" }).click();
    await expect(page.getByText("Centang semua dokumen untuk melanjutkan.", { exact: false })).toBeVisible();
    await confirmChecklist(page);
  });

  test("the confirmation and the print-out list only what to bring", async ({ page }) => {
    const booked = await bookViaApi(page.request, randomPerson());
    for (const path of [`/booking/${booked.reference}`, `/booking/${booked.reference}/print`]) {
      await page.goto(path);
      const heading = page.getByRole("heading", { level: 2, name: "Dokumen yang dibawa" });
      await expect(heading).toBeVisible();
      await expect(page.getByText("Kartu keluarga asli")).toBeVisible();
      await expect(page.getByText(/Telah berusia 17 tahun/)).toHaveCount(0);
    }
    await expect(page).toHaveTitle(/Bukti booking/);
  });
});

test.describe("English content", () => {
  test("services, categories, requirements and forms in English, Biodata and foreigners too", async ({ page, baseURL }) => {
    await useEnglish(page, baseURL);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 3, name: "Registering personal data (biodata)" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Personal data registration — foreign national/ })).toBeVisible();
    await expect(page.getByText("(Bahasa Indonesia)")).toHaveCount(0);

    await page.goto("/services/pencatatan-biodata-orang-asing");
    await expect(page.getByRole("heading", { level: 1, name: "Personal data registration — foreign national" })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "I have prepared: Photocopy of your temporary or permanent stay permit card (KITAS or KITAP)" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download (F1.01) Family biodata form" })).toBeVisible();

    await page.goto(`/services/${KTP_SERVICE.slug}`);
    await expect(page.getByText("Age rule: Aged 17 or over, or married now or in the past")).toBeVisible();
    await expect(page.getByRole("region", { name: "Who can apply" }).getByRole("listitem").nth(1)).toHaveText("Aged 17 or over");
    await expectNoAxeViolations(page, "service (English, with kinds)");
  });

  test("the print title and the calendar file follow the page's language", async ({ page, baseURL }) => {
    const booked = await bookViaApi(page.request, randomPerson());
    await useEnglish(page, baseURL);
    await page.goto(`/booking/${booked.reference}/print`);
    await expect(page).toHaveTitle(/Booking confirmation/);
    await expect(page.getByRole("heading", { level: 2, name: "Documents to bring" })).toBeVisible();
    await page.goto(`/booking/${booked.reference}`);
    const ics = await page.request.get((await page.getByRole("link", { name: "Add to calendar" }).getAttribute("href"))!);
    const text = (await ics.text()).replace(/\r\n /g, ""); // unfold RFC 5545 continuation lines
    expect(text).toContain("SUMMARY:Disdukcapil: Electronic ID card (KTP-el) — first issue (queue");
    expect(text).toContain("DESCRIPTION:Booking code");
    expect(text).not.toMatch(/Kode booking|Datang|antrean [A-Z]-/);
  });
});

test.describe("the date choice on a phone", () => {
  for (const width of [360, 320]) {
    // On both servers: the e2e office (24 sessions a day) and, embedded, Kota Bogor as a newcomer gets it.
    test(`akta page at ${width} px: no horizontal overflow, the days in two rows, the button right after the sessions @embedded`, async ({ page }, info) => {
      await page.setViewportSize({ width, height: 740 });
      await page.goto("/book/akta-kelahiran?checklist=confirmed");
      await expect(page.getByRole("heading", { level: 1, name: "Pilih tanggal dan sesi" })).toBeVisible();
      const tabs = page.getByRole("navigation", { name: "Pilih tanggal" });
      expect(await tabs.getByRole("link").count()).toBeGreaterThanOrEqual(7);
      const { overflow, height } = await measure(page);
      expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
      // Seven or eight dates take two rows of tabs, not a screen each.
      expect((await tabs.boundingBox())!.height, "height of the date tabs in px").toBeLessThan(180);
      // Only the chosen day's sessions are on the page, and the button follows them.
      const groups = page.getByRole("group", { name: /^Sesi pada/ });
      await expect(groups).toHaveCount(1);
      const sessions = (await groups.boundingBox())!;
      const button = (await page.getByRole("button", { name: "Lanjut isi data" }).boundingBox())!;
      expect(button.y - (sessions.y + sessions.height), "gap between the sessions and the button in px").toBeLessThan(120);
      // Kota Bogor's akta page was 3,170 px tall at 360 px with every day's sessions listed (now ~1,400–1,550).
      if (info.project.name === "embedded") expect(height, "page height in px").toBeLessThan(1700);
      else expect(height, "page height in px (24 sessions a day)").toBeLessThan(2600);
      await expectNoAxeViolations(page, `dates at ${width} px`);
    });
  }

  test("choosing another day works without JavaScript and keeps the checklist step", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`/book/${KIA_SERVICE.slug}?checklist=confirmed`);
    const second = page.getByRole("navigation", { name: "Pilih tanggal" }).getByRole("link").nth(1);
    await expect(second).toHaveAccessibleName(/^\w+, \d{1,2} \w+ \d{4}: (tersedia|penuh|tutup)$/);
    const href = (await second.getAttribute("href"))!;
    await second.click();
    await expect(page).toHaveURL(/checklist=confirmed&date=\d{4}-\d{2}-\d{2}$/);
    const date = /date=(.+)$/.exec(page.url())![1]!;
    await expect(page.locator('nav a[aria-current="date"]')).toHaveAttribute("href", href);
    const slot = await chooseSession(page);
    expect(slot.startsWith(`${date}_`)).toBe(true);
    await page.getByRole("button", { name: "Lanjut isi data" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Isi data diri" })).toBeVisible();
    await context.close();
  });
});

test.describe("a child asking for KTP-el is pointed to KIA", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`/services/${KTP_SERVICE.slug}`);
      await confirmChecklist(page);
      await chooseSession(page);
      await page.getByRole("button", { name: "Lanjut isi data" }).click();
      await fillDetails(page, randomPerson({ age: "child" }));
      await submitDetails(page);
      await expect(page.getByText("Layanan ini untuk usia 17 tahun ke atas.")).toBeVisible();
      const link = page.getByRole("link", { name: KIA_SERVICE.name });
      await expect(link).toHaveAttribute("href", `/services/${KIA_SERVICE.slug}`);
      await link.click();
      await expect(page.getByRole("heading", { level: 1, name: KIA_SERVICE.name })).toBeVisible();
      await context.close();
    });
  }
});

test.describe("touch targets on a phone", () => {
  test("home and a service page at 360 px: every link and button outside running text is at least 44 px tall", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ["/", `/services/${KTP_SERVICE.slug}`]) {
      await page.goto(path);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("a, button, summary, select, input:not([type=hidden])")]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            if (box.width <= 1 || box.height <= 1) return false; // the skip link until it has focus, hidden parts
            // A link inside a sentence is exempt (WCAG 2.5.8); a paragraph holding only the link is not a sentence.
            const sentence = el.closest("p");
            if (sentence && sentence.textContent!.trim() !== el.textContent!.trim()) return false;
            // A checkbox or radio counts with its label, which is the target.
            const target = el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio") ? (el.closest("label") ?? el) : el;
            return target.getBoundingClientRect().height < 44;
          })
          .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)} px`),
      );
      expect(small, `small targets on ${path}`).toEqual([]);
    }
  });
});
