import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import postgres from "postgres";
import { E2E_OFFICE, expectNoAxeViolations, randomPerson, type Person } from "./fixtures";
import { KTP_SERVICE, solvedAltcha } from "./fixtures/citizen";
import { e2eDatabaseUrl } from "./fixtures/environment";

/**
 * Issue 9's standby list (daftar cadangan): a date made full (a one-date cap in the e2e database, then
 * bookings through the API until it refuses), a citizen joins its list from the full date's page, a
 * booking is cancelled, its re-release delay is cut short in the database (instead of waiting 30 minutes),
 * the app's own maintenance loop offers the place, and the citizen accepts it on the look-up page. With
 * JavaScript (and axe on every page) and without, each on its own date at the end of the booking window.
 */
async function withSql<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

type Day = { date: string; open: boolean; sessions: { start: string; remaining: number }[] };

/** Caps `date` at two places for the e2e office and books until the online channel is refused. */
async function fillDate(request: APIRequestContext, date: string): Promise<{ reference: string; person: Person }[]> {
  await withSql(
    (sql) => sql`insert into date_overrides (office_id, date, kind, daily_cap, reason, reason_en)
      select id, ${date}, 'open', 2, 'Uji daftar cadangan', 'Standby test' from offices where slug = ${E2E_OFFICE.slug}
      on conflict (office_id, date) do update set kind = 'open', daily_cap = 2`,
  );
  // The server reads day plans through its 1 s cache: wait until it sees the cap.
  await expect
    .poll(async () => {
      const response = await request.get(`/api/v1/availability?service=${KTP_SERVICE.slug}&from=${date}&days=1`);
      const { days } = (await response.json()) as { days: Day[] };
      return Math.max(0, ...(days[0]?.sessions.map((s) => s.remaining) ?? []));
    })
    .toBeLessThanOrEqual(2);
  const held: { reference: string; person: Person }[] = [];
  let full = false;
  for (let i = 0; i < 5 && !full; i++) {
    const person = randomPerson();
    const response = await request.post("/api/v1/bookings", {
      data: { service: KTP_SERVICE.slug, date, session: "10:00", nik: person.nik, name: person.name, phone: person.phone, altcha: await solvedAltcha(request) },
    });
    if (response.status() === 409) {
      full = true;
      break;
    }
    expect(response.status(), await response.text()).toBe(201);
    held.push({ reference: ((await response.json()) as { reference: string }).reference, person });
  }
  expect(full, "the date is full").toBe(true);
  expect(held.length, "at least one booking before the date is full").toBeGreaterThan(0);
  return held;
}

/** Cancels one booking and makes its place due now; the server's maintenance loop (every 15 s) does the rest. */
async function freePlace(request: APIRequestContext, booking: { reference: string; person: Person }): Promise<void> {
  const cancel = () => request.post(`/api/v1/bookings/${booking.reference}/cancel`, { data: { nik: booking.person.nik } });
  // The test waits between requests longer than the server keeps an idle connection (5 s): a reused socket the
  // server has just closed fails with ECONNRESET before the request reaches it, so that one is sent again.
  const cancelled = await cancel().catch((error: Error) => {
    if (!/ECONNRESET/.test(error.message)) throw error;
    return cancel();
  });
  expect(cancelled.status()).toBe(200);
  const updated = await withSql(
    (sql) => sql`update capacity_releases set release_at = now() - interval '1 second'
      where status = 'pending' and source_booking_id = (select id from bookings where reference = ${booking.reference}) returning id`,
  );
  expect(updated).toHaveLength(1);
}

async function standbyStatus(request: APIRequestContext, reference: string, nik: string): Promise<string> {
  const response = await request.post("/api/v1/standby/lookup", { data: { reference, nik } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { status: string }).status;
}

for (const javaScriptEnabled of [true, false]) {
  test(`a full date's standby list: join, get the freed place, accept it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, request }) => {
    test.slow();
    const context = await browser.newContext({ javaScriptEnabled });
    const page: Page = await context.newPage();
    const axe = (name: string) => (javaScriptEnabled ? expectNoAxeViolations(page, name) : Promise.resolve());
    const availability = await request.get(`/api/v1/availability?service=${KTP_SERVICE.slug}`);
    const { days } = (await availability.json()) as { days: Day[] };
    // The last two dates of the window, one per run: other specs book the first date with room.
    const date = days[days.length - (javaScriptEnabled ? 1 : 2)]!.date;
    const held = await fillDate(request, date);
    const person = randomPerson();

    await test.step("the full date's page offers the standby list", async () => {
      // The page's range of dates is read through the server's 1 s cache, which the other run may have just filled.
      await expect(async () => {
        await page.goto(`/book/${KTP_SERVICE.slug}?checklist=confirmed&date=${date}`);
        await expect(page.getByText("Tanggal ini sudah penuh. Daftar cadangan", { exact: false })).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      await axe("full date");
      await page.getByRole("link", { name: /^Masuk daftar cadangan/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Daftar cadangan" })).toBeVisible();
      await axe("standby join");
    });

    let reference = "";
    await test.step("join: errors name the fields, then the code and position", async () => {
      await page.getByRole("button", { name: "Masuk daftar cadangan" }).click();
      await expect(page.getByLabel(/^NIK/)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByRole("checkbox", { name: /^Saya setuju/ })).toHaveAttribute("aria-invalid", "true");
      await axe("standby join with errors");
      await page.getByLabel("Sesi").selectOption({ label: "Sesi mana pun" });
      await page.getByLabel(/^NIK/).fill(person.nik);
      await page.getByLabel(/^Nama lengkap/).fill(person.name);
      await page.getByLabel(/^Nomor HP/).fill(person.phone);
      await page.getByRole("checkbox", { name: /^Saya setuju/ }).check();
      await page.getByRole("button", { name: "Masuk daftar cadangan" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Anda masuk daftar cadangan" })).toBeVisible();
      await expect(page.getByText("Urutan Anda: 1")).toBeVisible();
      reference = new URL(page.url()).searchParams.get("reference") ?? "";
      expect(reference).toMatch(/^[A-Z2-9]{8}$/);
      expect(page.url()).not.toContain(person.nik);
      expect(await page.content()).not.toContain(person.nik);
      await axe("standby joined");
    });

    await test.step("a place comes free and is offered by the maintenance loop", async () => {
      await freePlace(request, held[0]!);
      await expect.poll(() => standbyStatus(request, reference, person.nik), { timeout: 40_000, intervals: [1_000] }).toBe("offered");
    });

    await test.step("look up with the code and NIK, accept, land on the booking", async () => {
      await page.goto(`/standby?reference=${reference}`);
      await expect(page.getByLabel("Kode daftar cadangan")).toHaveValue(reference);
      await page.getByLabel(/^NIK/).fill(person.nik);
      await page.getByRole("button", { name: "Cek status" }).click();
      await expect(page.getByText(/^Ada tempat untuk Anda/)).toBeVisible();
      expect(page.url()).not.toContain(person.nik);
      await axe("standby offered");
      await page.getByRole("button", { name: "Terima tempat ini" }).click();
      await expect(page).toHaveURL(/\/booking\/[A-Z2-9]{8}$/);
      await expect(page.getByText(/^[A-Z]-\d{3}$/).first()).toBeVisible();
      await axe("booking from standby");
      const bookingReference = /\/booking\/([A-Z2-9]{8})/.exec(page.url())![1]!;
      const booking = await request.post("/api/v1/bookings/lookup", { data: { reference: bookingReference, nik: person.nik } });
      expect(await booking.json()).toMatchObject({ status: "booked", date, session: { start: "10:00" } });
      expect(await standbyStatus(request, reference, person.nik)).toBe("booked");
    });
    await context.close();
  });
}
