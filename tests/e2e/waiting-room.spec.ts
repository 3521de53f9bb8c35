import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, loginAs, randomPerson } from "./fixtures";
import { KTP_SERVICE } from "./fixtures/citizen";

/**
 * The waiting room in your pocket (issue 13) in the always-open e2e office: the citizen's booking page moves
 * when an operator presses "call next" (live with JavaScript; with the refresh link and a meta refresh
 * without), says "your turn is near" at 3 ahead, and shows the call in big type with the recall count.
 * Walk-ins booked at the counter are checked in at once, in the running session, one after another. The
 * spec counts everyone waiting at Loket 1, so it runs in its own project after every other postgres spec
 * (playwright.config.ts), and first serves whoever those left in the line.
 */

type Walkin = { reference: string; queueNumber: string };

/** A walk-in booked at the counter through /staff/assist: checked in at once; lands on the slip. */
async function walkIn(page: Page): Promise<Walkin> {
  const person = randomPerson();
  return test.step(`walk-in for ${person.maskedNik}`, async () => {
    await page.goto(`/staff/assist?service=${KTP_SERVICE.slug}`);
    await page.getByLabel("Layanan").selectOption({ label: KTP_SERVICE.name });
    await page.getByRole("button", { name: "Tampilkan sesi" }).click();
    await page.getByRole("radio", { name: /^Datang langsung hari ini/ }).check();
    await page.getByLabel("NIK", { exact: true }).fill(person.nik);
    await page.getByLabel("Nama sesuai KTP/KK").fill(person.name);
    await page.getByLabel("Nomor HP").fill(person.phone);
    await page.getByRole("button", { name: "Buat booking dan cetak slip" }).click();
    await expect(page).toHaveURL(/\/staff\/slip\/[A-Z0-9]{8}$/);
    const reference = /\/staff\/slip\/([A-Z0-9]{8})$/.exec(page.url())![1]!;
    const queueNumber = (await page.getByText(/^[A-Z]-\d{3}$/).textContent()) ?? "";
    return { reference, queueNumber };
  });
}

/** Opens Loket 1 in a second tab of the signed-in operator. */
async function openCounterOne(page: Page): Promise<Page> {
  const counter = await page.context().newPage();
  await counter.goto("/staff/counter/1");
  await expect(counter.getByRole("heading", { level: 1, name: "Loket 1" })).toBeVisible();
  return counter;
}

/** One citizen per counter: whoever Loket 1 still has open is served and finished first. */
async function finishOpen(counter: Page): Promise<void> {
  await counter.goto("/staff/counter/1");
  for (let i = 0; i < 3; i++) {
    const start = counter.getByRole("button", { name: "Mulai layanan" });
    const finish = counter.getByRole("button", { name: "Selesai" });
    if ((await start.count()) > 0) {
      await start.first().click();
      await expect(counter.getByRole("main").getByRole("status").filter({ hasText: /^Layanan untuk [A-Z]-\d{3} dimulai\.$/ })).toBeVisible();
    }
    if ((await finish.count()) === 0) return;
    await finish.first().click();
    await expect(counter.getByRole("main").getByRole("status").filter({ hasText: /^Layanan untuk [A-Z]-\d{3} selesai\.$/ })).toBeVisible();
    await counter.goto("/staff/counter/1");
  }
}

async function callNext(counter: Page): Promise<string | null> {
  await finishOpen(counter);
  // A fresh counter page, so the notice read below is this press's, not the last one's.
  await counter.goto("/staff/counter/1");
  await counter.getByRole("button", { name: "Panggil berikutnya" }).click();
  const notice = counter.getByRole("main").getByRole("status").filter({ hasText: /^(Nomor [A-Z]-\d{3} dipanggil\.|Tidak ada warga yang menunggu untuk loket ini\.)$/ });
  await expect(notice).toBeVisible();
  return /^Nomor ([A-Z]-\d{3}) dipanggil\.$/.exec((await notice.textContent()) ?? "")?.[1] ?? null;
}

/** Calls until nobody waits for Loket 1, so each test starts with an empty line. */
async function emptyTheLine(counter: Page): Promise<void> {
  for (let i = 0; i < 50 && (await callNext(counter)) !== null; i++);
}

const live = (page: Page) => page.getByTestId("live-queue");

test.describe("the waiting room in your pocket", () => {
  // Emptying the line left by the other specs takes a few calls first.
  test.describe.configure({ timeout: 180_000 });
  test("live with JavaScript: the position moves on each call, near at 3 ahead, then the call in big type", async ({ page, browser }) => {
    await loginAs(page, "operator");
    const counter = await openCounterOne(page);
    await emptyTheLine(counter);
    const people: Walkin[] = [];
    for (let i = 0; i < 5; i++) people.push(await walkIn(page));
    const me = people[4]!;

    const phoneContext = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const phone = await phoneContext.newPage();
    await phone.goto(`/booking/${me.reference}`);
    await expect(live(phone).getByTestId("ahead")).toHaveText("4 orang di depan Anda");
    await expect(live(phone)).toContainText(/Perkiraan menunggu: sekitar \d+–\d+ menit/);
    await expect(phone.getByTestId("near-turn")).toHaveCount(0);
    // With JavaScript the page is live; the meta refresh is only for browsers without it.
    await expect(phone.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
    // Large type that fits a 320 px screen: nothing scrolls sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(phone, "live queue");

    expect(await callNext(counter)).toBe(people[0]!.queueNumber);
    await expect(live(phone).getByTestId("ahead")).toHaveText("3 orang di depan Anda");
    await expect(phone.getByTestId("near-turn")).toHaveText("Giliran Anda sudah dekat. Kembalilah ke ruang tunggu.");
    await expect(live(phone)).toContainText(`Loket 1: ${people[0]!.queueNumber}`);

    for (const p of people.slice(1, 4)) expect(await callNext(counter)).toBe(p.queueNumber);
    await expect(live(phone).getByTestId("ahead")).toHaveText("Anda berikutnya");

    expect(await callNext(counter)).toBe(me.queueNumber);
    const called = phone.getByTestId("called");
    await expect(called).toContainText("Silakan ke Loket 1");
    await expect(called).toContainText(`Nomor ${me.queueNumber} dipanggil`);
    await counter.getByRole("form", { name: me.queueNumber }).getByRole("button", { name: "Panggil ulang" }).click();
    await expect(called).toContainText("Dipanggil 2 kali");
    await phoneContext.close();
  });

  test("without JavaScript: a meta refresh while waiting, and the refresh link shows the new position", async ({ page, browser }) => {
    await loginAs(page, "operator");
    const counter = await openCounterOne(page);
    await emptyTheLine(counter);
    const first = await walkIn(page);
    const me = await walkIn(page);

    const phoneContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const phone = await phoneContext.newPage();
    await phone.goto(`/booking/${me.reference}`);
    await expect(live(phone).getByTestId("ahead")).toHaveText("1 orang di depan Anda");
    // Near the turn the page refreshes itself every 15 s.
    await expect(phone.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", "15");

    expect(await callNext(counter)).toBe(first.queueNumber);
    await phone.getByTestId("live-refresh").click();
    await expect(live(phone).getByTestId("ahead")).toHaveText("Anda berikutnya");
    expect(await callNext(counter)).toBe(me.queueNumber);
    await phone.getByTestId("live-refresh").click();
    await expect(phone.getByTestId("called")).toContainText("Silakan ke Loket 1");
    await phoneContext.close();
  });
});
