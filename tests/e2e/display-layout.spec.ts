import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { createDisplayOffice, type DisplayOffice } from "./fixtures/display-office";

/**
 * Issue #6, item 18: the waiting-room TV must show every counter on one 16:9 screen, 1280×720 and up, for
 * 1 to 12 counters, with no queue number wrapping ("A-" over "004") and nothing to scroll. Each case gets
 * its own office with that many counters, each with a citizen called to it.
 */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;
const COUNTS = [1, 5, 12] as const;

type Box = { label: string; x: number; y: number; width: number; height: number };
type Number_ = { text: string; height: number; lineHeight: number; lines: number; scrollWidth: number; clientWidth: number; outside: number };

/** Tiles and queue numbers as the browser laid them out, plus whether the page could scroll. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element, label: string) => {
      const r = el.getBoundingClientRect();
      return { label, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const tiles: Box[] = [...document.querySelectorAll("main li[aria-labelledby]")].map((li) => box(li, li.textContent ?? ""));
    const regions: Box[] = [...document.querySelectorAll("header, main, main section")].map((el) => box(el, el.tagName));
    const numbers: Number_[] = [...document.querySelectorAll("[data-queue-number]")].map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      // One line box per line of text: a wrapped "A-" / "004" gives two distinct tops.
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      // How far the text sticks out of the tile or list row that holds it (which would clip it).
      const own = range.getBoundingClientRect();
      const holder = el.closest("li, section")!.getBoundingClientRect();
      const outside = Math.max(holder.left - own.left, own.right - holder.right, holder.top - own.top, own.bottom - holder.bottom, 0);
      return {
        text: el.textContent ?? "",
        height: el.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(el).lineHeight),
        lines,
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
        outside,
      };
    });
    const root = document.scrollingElement ?? document.documentElement;
    return {
      tiles,
      regions,
      numbers,
      scroll: { width: root.scrollWidth, height: root.scrollHeight, innerWidth: window.innerWidth, innerHeight: window.innerHeight },
      bodyOverflow: document.body.scrollHeight > window.innerHeight || document.body.scrollWidth > window.innerWidth,
    };
  });
}

/** Opens /display as the office's TV, past the sound gate, once every counter's number is on it. */
async function openDisplay(browser: Browser, testInfo: TestInfo, office: DisplayOffice, count: number): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: SIZES[0] });
  await context.addCookies([{ name: "antrean_device", value: office.token, url: testInfo.project.use.baseURL! }]);
  const page = await context.newPage();
  await page.goto("/display");
  const gate = page.getByRole("button", { name: "Aktifkan suara" });
  await gate.click({ timeout: 3000 }).catch(() => {});
  await expect(gate).toHaveCount(0);
  await expect(page.getByRole("listitem", { name: /^Loket \d+$/ })).toHaveCount(count);
  for (const [i, number] of office.numbers.entries()) {
    await expect(page.getByRole("listitem", { name: `Loket ${i + 1}`, exact: true })).toContainText(number);
  }
  return { page, context };
}

async function expectFits(page: Page, size: { width: number; height: number }, count: number, where: string): Promise<void> {
  await page.setViewportSize(size);
  // Let the resize settle (layout and fonts) before measuring.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const m = await measure(page);
  expect(m.tiles, where).toHaveLength(count);
  for (const tile of [...m.tiles, ...m.regions]) {
    expect(tile.x, `${where}: ${tile.label} left edge`).toBeGreaterThanOrEqual(0);
    expect(tile.y, `${where}: ${tile.label} top edge`).toBeGreaterThanOrEqual(0);
    expect(tile.x + tile.width, `${where}: ${tile.label} right edge`).toBeLessThanOrEqual(size.width + 0.5);
    expect(tile.y + tile.height, `${where}: ${tile.label} bottom edge`).toBeLessThanOrEqual(size.height + 0.5);
  }
  // The tiles, the big "now calling" number and the recent calls: all on one line, none cut off.
  expect(m.numbers.length, where).toBeGreaterThanOrEqual(count + 2);
  for (const n of m.numbers) {
    expect(n.lines, `${where}: ${n.text} lines`).toBe(1);
    expect(n.height, `${where}: ${n.text} height vs one line`).toBeLessThanOrEqual(n.lineHeight + 1);
    expect(n.scrollWidth, `${where}: ${n.text} fits its box`).toBeLessThanOrEqual(n.clientWidth + 1);
    expect(n.outside, `${where}: ${n.text} inside its tile`).toBeLessThanOrEqual(1);
  }
  expect(m.scroll.width, `${where}: horizontal scrollbar`).toBeLessThanOrEqual(m.scroll.innerWidth);
  expect(m.scroll.height, `${where}: vertical scrollbar`).toBeLessThanOrEqual(m.scroll.innerHeight);
  expect(m.bodyOverflow, `${where}: body overflow`).toBe(false);
}

test.describe("call display layout", () => {
  for (const count of COUNTS) {
    test(`${count} counter(s): every tile on screen, no number wraps, no scrollbars`, async ({ browser }, testInfo) => {
      const office = await createDisplayOffice(count);
      try {
        const { page, context } = await openDisplay(browser, testInfo, office, count);
        for (const size of SIZES) {
          const where = `${count} counters at ${size.width}×${size.height}`;
          await expectFits(page, size, count, where);
          const shot = testInfo.outputPath(`display-${count}-counters-${size.width}x${size.height}.png`);
          await page.screenshot({ path: shot });
          await testInfo.attach(where, { path: shot, contentType: "image/png" });
        }
        await context.close();
      } finally {
        await office.close();
      }
    });
  }

  test("every count from 2 to 12 fits the smallest screen, 1280×720", async ({ browser }, testInfo) => {
    // Eight offices and displays one after another (~7 s each): a budget for eight, not for one.
    test.setTimeout(180_000);
    for (let count = 2; count <= 12; count++) {
      if ((COUNTS as readonly number[]).includes(count)) continue;
      const office = await createDisplayOffice(count);
      try {
        const { page, context } = await openDisplay(browser, testInfo, office, count);
        await expectFits(page, SIZES[2], count, `${count} counters at 1280×720`);
        await context.close();
      } finally {
        await office.close();
      }
    }
  });
});
