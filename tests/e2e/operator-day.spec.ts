import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_OFFICE, expectNoAxeViolations, loginAs, randomPerson, type Person } from "./fixtures";
import { KTP_SERVICE } from "./fixtures/citizen";

/**
 * The operator's day in the always-open e2e office (issue #3, "The operator's day"): check-in by reference,
 * a counter's call next → start → finish, no-show after N calls, walk-in booking with its 80 mm slip, the
 * same pages for a supervisor, and axe on every one of them. Each test makes its own citizens (random NIKs).
 *
 * Other specs check citizens in and press "call next" at Loket 2 (the display journey) in the same office
 * and on the same day, and call next takes whoever waits first in fair order. So the citizens these
 * tests call are marked priority (which only they use, and which the office serves first), the counter
 * tests run one after another at Loket 1, and should another counter take our citizen before we press,
 * the test hands whoever it called instead to Loket 2 and starts again once with a new citizen. Citizens
 * that are only checked in (and left waiting) are booked into a later session, behind the running one's.
 */

/** offices.no_show_after_calls: the e2e office (db/seed/e2e-office.ts) keeps the schema's default. */
const NO_SHOW_AFTER_CALLS = 3;

type Channel = "walk_in" | "assisted";
/**
 * Which of today's sessions: the running one (the form's default), the next one (check-in already open: it
 * opens an hour before), or the day's last one (a walk-in may take any). A citizen of a later session
 * waits behind everyone of the running one, so another spec's "call next" does not take them while this
 * test still looks at their check-in.
 */
type SessionChoice = "first" | "next" | "last";
type CounterBooking = { reference: string; queueNumber: string; session: string };

const main = (page: Page) => page.getByRole("main");
/** The page's own messages; Next's route announcer is an empty alert outside <main>. */
const alertIn = (page: Page) => main(page).getByRole("alert");

/**
 * An operator books for a citizen at the counter through /staff/assist, as a person would: service, today
 * (the date field's default), the first session with room, then the citizen's details. Lands on the slip.
 */
async function bookAtCounter(
  page: Page,
  person: Person,
  { channel, priority, session = "first" }: { channel: Channel; priority?: string; session?: SessionChoice },
): Promise<CounterBooking> {
  return test.step(`${channel} booking for ${person.maskedNik}`, async () => {
    await page.goto("/staff/assist");
    await expect(page.getByRole("heading", { level: 1, name: "Booking dibantu dan datang langsung" })).toBeVisible();
    await page.getByLabel("Layanan").selectOption({ label: KTP_SERVICE.name });
    await page.getByRole("button", { name: "Tampilkan sesi" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /^Data warga · / })).toBeVisible();

    await page.getByRole("radio", { name: channel === "walk_in" ? /^Datang langsung hari ini/ : /^Booking dibantu/ }).check();
    const open = page.getByRole("group", { name: "Sesi" }).getByRole("radio", { disabled: false });
    await expect(open.first()).toBeChecked();
    const count = await open.count();
    const radio = open.nth(session === "first" ? 0 : session === "next" ? Math.min(1, count - 1) : count - 1);
    await radio.check();
    // The radio's name is "<session> · <places left>"; the slip shows the session alone.
    const sessionLabel = (await radio.evaluate((input) => input.closest("label")?.textContent ?? "")).split(" · ")[0]!.trim();
    expect(sessionLabel).toMatch(/\d{2}[.:]\d{2}/);

    await page.getByLabel("NIK", { exact: true }).fill(person.nik);
    await page.getByLabel("Nama sesuai KTP/KK").fill(person.name);
    await page.getByLabel("Nomor HP").fill(person.phone);
    if (priority) await page.getByLabel(/^Prioritas/).selectOption({ label: priority });
    await page.getByRole("button", { name: "Buat booking dan cetak slip" }).click();

    await expect(page).toHaveURL(/\/staff\/slip\/[A-Z0-9]{8}$/);
    const reference = /\/staff\/slip\/([A-Z0-9]{8})$/.exec(page.url())![1]!;
    const queueNumber = (await page.getByText(/^[A-Z]-\d{3}$/).textContent()) ?? "";
    expect(queueNumber).toMatch(/^A-\d{3}$/);
    return { reference, queueNumber, session: sessionLabel };
  });
}

/** /staff/today searched by reference: exactly one booking, in the table of `status` ("<status> (1)"). */
async function expectTodayStatus(page: Page, booking: { reference: string; queueNumber: string }, status: string): Promise<void> {
  await test.step(`today shows ${booking.queueNumber} as ${status}`, async () => {
    await page.goto(`/staff/today?q=${booking.reference}`);
    await expect(main(page).getByRole("status")).toHaveText(`1 booking cocok dengan "${booking.reference}".`);
    const tables = main(page).getByRole("table");
    await expect(tables).toHaveCount(1);
    await expect(page.getByRole("table", { name: `${status} (1)` })).toBeVisible();
    await expect(tables.getByRole("rowheader")).toHaveText(new RegExp(`^${booking.queueNumber}\\b`));
  });
}

const checkInForm = (page: Page) => ({
  reference: page.getByLabel("Kode booking"),
  nik: page.getByLabel("NIK dari KTP-el"),
  submit: page.getByRole("button", { name: "Check-in", exact: true }),
});

/** Types the reference (as printed, with its dash) and the NIK at the check-in desk and waits for the answer. */
async function checkInAtDesk(page: Page, reference: string, nik: string): Promise<void> {
  const form = checkInForm(page);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/staff/check-in");
  await form.reference.fill(`${reference.slice(0, 4)}-${reference.slice(4)}`);
  await form.nik.fill(nik);
  await form.submit.click();
  await answered;
}

const resultPanel = (page: Page) => page.getByRole("region", { name: "Hasil check-in" });

/** The counter's message area (a polite live region): the last action's notice. */
const counterNotice = (counter: Page, text: string | RegExp) => main(counter).getByRole("status").filter({ hasText: text });
/** One citizen at the counter: a form named by the queue number, with their details and buttons. */
const atCounter = (counter: Page, queueNumber: string): Locator => counter.getByRole("form", { name: queueNumber });

/** Presses "call next" and returns the number called, or null when nobody waits for this counter. */
async function pressCallNext(counter: Page): Promise<string | null> {
  await counter.getByRole("button", { name: "Panggil berikutnya" }).click();
  const notice = counterNotice(counter, /^(Nomor [A-Z]-\d{3} dipanggil\.|Tidak ada warga yang menunggu untuk loket ini\.)$/);
  await expect(notice).toBeVisible();
  return /^Nomor ([A-Z]-\d{3}) dipanggil\.$/.exec((await notice.textContent()) ?? "")?.[1] ?? null;
}

/**
 * Books a priority citizen (with `prepare` checking them in if the booking does not) and calls them to the
 * counter that `counter` shows. If another counter took them first, whoever was called instead goes to
 * Loket 2, and a second citizen tries again.
 */
async function callOwnCitizen(
  page: Page,
  counter: Page,
  prepare: (person: Person) => Promise<CounterBooking>,
): Promise<{ person: Person; booking: CounterBooking }> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    const person = randomPerson();
    const booking = await prepare(person);
    const called = await test.step("call next at the counter", () => pressCallNext(counter));
    if (called === booking.queueNumber) return { person, booking };
    console.info(`[e2e] ${booking.queueNumber} was called elsewhere first (Loket 1 got ${called ?? "nobody"}); trying again`);
    if (called) {
      const other = atCounter(counter, called);
      await other.getByLabel("Alihkan ke").selectOption({ label: "Loket 2" });
      await other.getByRole("button", { name: "Alihkan" }).click();
      await expect(counterNotice(counter, `Nomor ${called} dialihkan dan kembali menunggu di urutannya.`)).toBeVisible();
    }
  }
  throw new Error("another counter called this test's citizen twice");
}

/** Opens "Loket", picks Loket 1, and leaves that page open (a second tab of the same signed-in operator). */
async function openCounterOne(page: Page): Promise<Page> {
  const counter = await page.context().newPage();
  await counter.goto("/staff/counter");
  await expect(counter.getByRole("heading", { level: 1, name: "Pilih loket" })).toBeVisible();
  await counter.getByRole("link", { name: /^Loket 1/ }).click();
  await expect(counter).toHaveURL(/\/staff\/counter\/1$/);
  await expect(counter.getByRole("heading", { level: 1, name: "Loket 1" })).toBeVisible();
  await expect(main(counter).getByRole("status").filter({ hasText: /^Menunggu: \d+$/ })).toBeVisible();
  return counter;
}

test.describe("the operator's day", () => {
  test("check-in by reference and NIK: a wrong NIK is refused, the right one checks in, again changes nothing", async ({ page }) => {
    await loginAs(page, "operator");
    const person = randomPerson();
    const booking = await bookAtCounter(page, person, { channel: "assisted", session: "next" });
    await expect(main(page)).toContainText("Dipesan");
    await expectTodayStatus(page, booking, "Dipesan");

    await page.goto("/staff/check-in");
    await expect(page.getByRole("heading", { level: 1, name: "Check-in" })).toBeVisible();
    await expect(checkInForm(page).reference).toBeFocused();

    // A NIK that is not 16 digits: the field says so and keeps the focus.
    await checkInAtDesk(page, booking.reference, "3271 0123");
    await expect(alertIn(page)).toHaveText("Ada isian yang perlu diperbaiki.");
    await expect(checkInForm(page).nik).toHaveAccessibleDescription(/NIK harus 16 digit angka\.$/);
    await expect(checkInForm(page).nik).toBeFocused();
    await expect(resultPanel(page)).toHaveCount(0);

    // Someone else's NIK (a valid one): the same "not found" as an unknown reference, and nothing checked in.
    await checkInAtDesk(page, booking.reference, randomPerson().nik);
    await expect(alertIn(page)).toHaveText("Booking tidak ditemukan. Periksa kembali kode booking dan NIK.");
    await expect(resultPanel(page)).toHaveCount(0);
    await expect(checkInForm(page).reference).toHaveValue(`${booking.reference.slice(0, 4)}-${booking.reference.slice(4)}`);

    await checkInAtDesk(page, booking.reference, person.nik);
    const result = resultPanel(page);
    await expect(result.getByRole("status")).toHaveText("Check-in berhasil. Warga masuk antrean.");
    await expect(result).toContainText(booking.queueNumber);
    await expect(result).toContainText(person.maskedNik);
    await expect(result).toContainText(person.name);
    await expect(result).toContainText(booking.session);
    await expect(result).toContainText("Sudah check-in");
    await expect(alertIn(page)).toHaveCount(0);
    // Ready for the next citizen; the NIK is never shown back.
    await expect(checkInForm(page).reference).toHaveValue("");
    await expect(checkInForm(page).nik).toHaveValue("");
    expect(await page.content()).not.toContain(person.nik);
    await expectNoAxeViolations(page, "/staff/check-in (after a check-in)");

    // Idempotent: the same citizen again gets the same number and a note, not an error.
    await checkInAtDesk(page, booking.reference, person.nik);
    await expect(resultPanel(page).getByRole("status")).toHaveText("Booking ini sudah check-in sebelumnya; tidak ada yang diubah.");
    await expect(resultPanel(page)).toContainText(booking.queueNumber);
    await expect(resultPanel(page)).toContainText("Sudah check-in");
    await expect(alertIn(page)).toHaveCount(0);

    await expectTodayStatus(page, booking, "Sudah check-in");
    await expect(main(page).getByRole("row").filter({ hasText: booking.queueNumber })).toContainText(person.maskedNik);
    expect(await page.content()).not.toContain(person.nik);
    await expectNoAxeViolations(page, "/staff/today (search)");
  });

  test("walk-in booking lands on an 80 mm slip: number, service, session, masked NIK, QR; prints without the controls", async ({ page }) => {
    await loginAs(page, "operator");
    await page.goto(`/staff/assist?service=${KTP_SERVICE.slug}`);
    await expectNoAxeViolations(page, "/staff/assist (details form)");

    const person = randomPerson();
    const booking = await bookAtCounter(page, person, { channel: "walk_in", session: "last" });
    const slip = main(page);
    await expect(page.getByRole("heading", { level: 1, name: E2E_OFFICE.name })).toBeVisible();
    await expect(slip.getByText(booking.queueNumber, { exact: true })).toBeVisible();
    await expect(slip).toContainText(KTP_SERVICE.name);
    await expect(slip).toContainText(booking.session);
    await expect(slip).toContainText(person.maskedNik);
    await expect(slip).toContainText("Sudah check-in");
    await expect(slip).toContainText("Datang langsung");
    await expect(slip).toContainText(`${booking.reference.slice(0, 4)}-${booking.reference.slice(4)}`);
    await expect(slip).toContainText("Silakan menunggu; nomor Anda akan dipanggil di layar.");
    const qr = slip.getByRole("img", { name: `Kode QR booking ${booking.reference.slice(0, 4)}-${booking.reference.slice(4)}` });
    await expect(qr).toBeVisible();
    expect(await page.content()).not.toContain(person.nik);
    // A print layout: no staff header or menu at all, and its own buttons only on screen.
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Keluar" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Cetak slip" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Booking warga berikutnya" })).toBeVisible();
    await expectNoAxeViolations(page, "/staff/slip (walk-in)");

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Cetak slip" })).toBeHidden();
    await expect(page.getByRole("link", { name: "Booking warga berikutnya" })).toBeHidden();
    await expect(slip.getByText(booking.queueNumber, { exact: true })).toBeVisible();
    await expect(qr).toBeVisible();
    // 80 mm paper: the slip is no wider than the roll.
    const width = await slip.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual((80 / 25.4) * 96 + 1);
    await page.emulateMedia({ media: "screen" });

    // A walk-in is checked in at once: it waits in the queue.
    await expectTodayStatus(page, booking, "Sudah check-in");
    await expect(main(page).getByRole("row").filter({ hasText: booking.queueNumber })).toContainText("Datang langsung");
  });

  test("a supervisor works the same pages as an operator", async ({ page }) => {
    await loginAs(page, "supervisor");
    const pages: [string, string | RegExp][] = [
      ["/staff/today", /^Antrean hari ini · /],
      ["/staff/check-in", "Check-in"],
      ["/staff/counter", "Pilih loket"],
      ["/staff/counter/2", "Loket 2"],
      ["/staff/assist", "Booking dibantu dan datang langsung"],
    ];
    for (const [path, heading] of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.getByRole("heading", { name: "Akses ditolak" })).toHaveCount(0);
    }
    await expectNoAxeViolations(page, "/staff/assist (service not chosen)");
    await page.goto("/staff/counter");
    await expectNoAxeViolations(page, "/staff/counter");
  });

  test("a refused assisted booking keeps the channel and the session chosen, not only what was typed", async ({ page }) => {
    await loginAs(page, "operator");
    await page.goto("/staff/assist");
    await page.getByLabel("Layanan").selectOption({ label: KTP_SERVICE.name });
    await page.getByRole("button", { name: "Tampilkan sesi" }).click();
    await page.getByRole("radio", { name: /^Booking dibantu/ }).check();
    const open = page.getByRole("group", { name: "Sesi" }).getByRole("radio", { disabled: false });
    const last = open.last();
    await last.check();
    const lastValue = await last.getAttribute("value");
    const person = randomPerson();
    await page.getByLabel("NIK", { exact: true }).fill("1234");
    await page.getByLabel("Nama sesuai KTP/KK").fill(person.name);
    await page.getByLabel("Nomor HP").fill(person.phone);
    await page.getByRole("button", { name: "Buat booking dan cetak slip" }).click();
    await expect(page.getByLabel("NIK", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/staff\/assist/);
    await expect(page.getByRole("radio", { name: /^Booking dibantu/ })).toBeChecked();
    await expect(page.locator(`input[name="session"][value="${lastValue}"]`)).toBeChecked();
    await expect(page.getByLabel("Nama sesuai KTP/KK")).toHaveValue(person.name);
  });

  test("a supervisor cancels a booking only through its confirmation, with a reason for the log", async ({ page }) => {
    await loginAs(page, "supervisor");
    const booking = await bookAtCounter(page, randomPerson(), { channel: "assisted", session: "last" });
    await expectTodayStatus(page, booking, "Dipesan");
    const row = main(page).getByRole("row").filter({ hasText: booking.queueNumber });
    const confirm = row.getByRole("button", { name: `Ya, batalkan ${booking.queueNumber}` });
    // One click on "Batalkan" cancels nobody: it opens the confirmation.
    await expect(confirm).toBeHidden();
    await row.getByText("Batalkan", { exact: true }).click();
    await expect(confirm).toBeVisible();
    await expect(row).toContainText("Ini tidak bisa diurungkan.");
    await expectNoAxeViolations(page, "/staff/today (cancel confirmation open)");
    await row.getByLabel("Alasan (dicatat di log)").fill("Warga minta batal lewat telepon");
    await confirm.click();
    await expect(row.getByRole("status")).toHaveText(`Booking ${booking.queueNumber} dibatalkan; kuotanya kembali tersedia.`);
    await expectTodayStatus(page, booking, "Dibatalkan");
  });

  test.describe("at Loket 1", () => {
    // Both tests call the office's only priority citizens at the same counter: one after the other.
    test.describe.configure({ mode: "serial" });

    test("call next calls the checked-in citizen; start, finish, and today shows them done", async ({ page }) => {
      await loginAs(page, "operator");
      const counter = await openCounterOne(page);
      const { person, booking } = await callOwnCitizen(page, counter, async (person) => {
        const booking = await bookAtCounter(page, person, { channel: "assisted", priority: "Disabilitas" });
        await page.goto("/staff/check-in");
        await checkInAtDesk(page, booking.reference, person.nik);
        await expect(resultPanel(page).getByRole("status")).toHaveText("Check-in berhasil. Warga masuk antrean.");
        await expect(resultPanel(page)).toContainText("Prioritas: Disabilitas");
        return booking;
      });

      const citizen = atCounter(counter, booking.queueNumber);
      await expect(counterNotice(counter, `Nomor ${booking.queueNumber} dipanggil.`)).toBeVisible();
      await expect(citizen.getByText(booking.queueNumber, { exact: true })).toBeVisible();
      await expect(citizen).toContainText("Dipanggil");
      await expect(citizen).toContainText(person.maskedNik);
      await expect(citizen).toContainText(person.name);
      await expect(citizen).toContainText(KTP_SERVICE.name);
      // One citizen per counter: "call next" is off, and says why, until this one is dealt with.
      const callNextButton = counter.getByRole("button", { name: "Panggil berikutnya" });
      await expect(callNextButton).toBeDisabled();
      await expect(callNextButton).toHaveAccessibleDescription(
        `Satu warga per loket: selesaikan dulu nomor ${booking.queueNumber} (panggil ulang, mulai layanan, tidak hadir, atau selesai).`,
      );
      await expectTodayStatus(page, booking, "Dipanggil");
      await expect(main(page).getByRole("row").filter({ hasText: booking.queueNumber })).toContainText("Loket 1");

      await citizen.getByRole("button", { name: "Mulai layanan" }).click();
      await expect(counterNotice(counter, `Layanan untuk ${booking.queueNumber} dimulai.`)).toBeVisible();
      await expect(citizen).toContainText("Sedang dilayani");
      await expect(citizen.getByRole("button", { name: "Mulai layanan" })).toHaveCount(0);
      await expectNoAxeViolations(counter, "/staff/counter/1 (serving)");

      // A second tab of the same counter, left open: it still shows the citizen being served.
      const stale = await page.context().newPage();
      await stale.goto("/staff/counter/1");
      await expect(atCounter(stale, booking.queueNumber)).toContainText("Sedang dilayani");

      await citizen.getByRole("button", { name: "Selesai" }).click();
      await expect(counterNotice(counter, `Layanan untuk ${booking.queueNumber} selesai.`)).toBeVisible();
      await expect(citizen).toHaveCount(0);

      // The stale tab's "Selesai" is refused, and the refusal shows the counter as it is now (well before
      // the page's own 15 s refresh), so the operator can call the next citizen from there.
      await atCounter(stale, booking.queueNumber).getByRole("button", { name: "Selesai" }).click();
      await expect(alertIn(stale)).toContainText("Status saat ini: Selesai.", { timeout: 8_000 });
      await expect(atCounter(stale, booking.queueNumber)).toHaveCount(0, { timeout: 8_000 });
      await expect(stale.getByRole("button", { name: "Panggil berikutnya" })).toBeEnabled();
      await stale.close();
      await expect(main(counter)).toContainText("Belum ada warga yang dipanggil ke loket ini.");
      await expect(callNextButton).toBeEnabled();
      await expect(callNextButton).not.toHaveAttribute("aria-describedby");
      expect(await counter.content()).not.toContain(person.nik);

      await expectTodayStatus(page, booking, "Selesai");
    });

    test(`no-show only after ${NO_SHOW_AFTER_CALLS} calls; today shows the no-show`, async ({ page }) => {
      await loginAs(page, "operator");
      const counter = await openCounterOne(page);
      const { booking } = await callOwnCitizen(page, counter, (person) => bookAtCounter(page, person, { channel: "walk_in", priority: "Disabilitas" }));

      const citizen = atCounter(counter, booking.queueNumber);
      const calls = (count: number) => expect(citizen).toContainText(new RegExp(`Jumlah panggilan\\s*${count}(?!\\d)`));
      await calls(1);
      const noShow = citizen.getByRole("button", { name: "Tidak hadir" });
      await expect(noShow).toHaveAccessibleDescription(`Bisa dicatat setelah ${NO_SHOW_AFTER_CALLS} kali panggilan.`);
      await expect(noShow).toBeDisabled();
      await expectNoAxeViolations(counter, "/staff/counter/1 (called)");

      for (let call = 2; call <= NO_SHOW_AFTER_CALLS; call++) {
        await citizen.getByRole("button", { name: "Panggil ulang" }).click();
        await expect(counterNotice(counter, `Nomor ${booking.queueNumber} dipanggil ulang (panggilan ke-${call}).`)).toBeVisible();
        await calls(call);
        if (call < NO_SHOW_AFTER_CALLS) await expect(noShow).toBeDisabled();
      }
      await expect(noShow).toBeEnabled();
      await expect(citizen).toContainText("Dipanggil");

      await noShow.click();
      await expect(counterNotice(counter, `Nomor ${booking.queueNumber} dicatat tidak hadir.`)).toBeVisible();
      await expect(citizen).toHaveCount(0);

      await expectTodayStatus(page, booking, "Tidak hadir");
    });
  });
});
