import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { E2E_STAFF, expectNoAxeViolations, loginAs, randomPerson, type Person } from "./fixtures";
import { chooseSession, fillDetails, KTP_SERVICE, submitDetails } from "./fixtures/citizen";
import { insertOfficeCopy, stageOfficeCopy, withE2ESql } from "./fixtures/office-copy";

/**
 * Issue 9's fair release, as citizens meet it. A place of its own (a copy of the always-open e2e office,
 * not listed under it, so no other spec meets it) has the lottery on, its booking time set to this minute
 * so a date opens now, and that date capped at one place. Two people ask for it through the booking form
 * (with JavaScript and without): both become entries. The window is then cut short in the database (as the
 * standby spec does with its delay) and the server's own job draws it; each person sees the result by
 * look-up: one drawn with a booking, one not drawn.
 */
/**
 * A lottery place whose 7th date opens this minute (office time), that date capped at one place: the e2e
 * office's row, services, requirements and weekly sessions copied under a new slug, with no parent (so it
 * is not among the e2e office's listed places and no other spec meets it).
 */
async function createLotteryPlace(): Promise<{ slug: string; date: string }> {
  const slug = `e2e-undian-${randomBytes(3).toString("hex")}`;
  return withE2ESql((sql) =>
    sql.begin(async (tx) => {
      await stageOfficeCopy(tx, { slug, name: "Tempat Uji Undian", shortName: "Uji Undian" });
      await tx`update office_copy set is_lottery_enabled = true, lottery_window_minutes = 15, booking_days_ahead = 7,
        booking_opens_at = to_char(now() at time zone timezone, 'HH24:MI')::time`;
      await insertOfficeCopy(tx);
      const [row] = await tx<{ date: string }[]>`select to_char((now() at time zone timezone)::date + 7, 'YYYY-MM-DD') as date from office_copy`;
      await tx`insert into date_overrides (office_id, date, kind, daily_cap, reason, reason_en)
        select id, ${row!.date}, 'open', 1, 'Uji undian', 'Lottery test' from office_copy`;
      return { slug, date: row!.date };
    }),
  );
}

async function lookup(request: APIRequestContext, reference: string, nik: string): Promise<{ status: string; booking: { reference: string } | null }> {
  const response = await request.post("/api/v1/lottery/lookup", { data: { reference, nik } });
  expect(response.status()).toBe(200);
  return (await response.json()) as { status: string; booking: { reference: string } | null };
}

/** Through the service's date page (with the lottery's notice) and the details form, to the entry's page. */
async function enter(browser: Browser, place: { slug: string; date: string }, person: Person, javaScriptEnabled: boolean): Promise<{ page: Page; reference: string }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const axe = (name: string) => (javaScriptEnabled ? expectNoAxeViolations(page, name) : Promise.resolve());
  await page.goto(`/book/${KTP_SERVICE.slug}?checklist=confirmed&office=${place.slug}&date=${place.date}`);
  await expect(page.getByText(/^Undian .+: \d+ pendaftar untuk 1 tempat$/)).toBeVisible();
  await axe("date page with the lottery notice");
  await chooseSession(page);
  await page.getByRole("button", { name: /^Lanjut isi data/ }).click();
  await fillDetails(page, person);
  await submitDetails(page);
  await expect(page).toHaveURL(/\/lottery\/[A-Z2-9]{8}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Menunggu undian" })).toBeVisible();
  await expect(page.getByText("Anda terdaftar di undian")).toBeVisible();
  expect(await page.content()).not.toContain(person.nik);
  await axe("lottery entry waiting");
  return { page, reference: /\/lottery\/([A-Z2-9]{8})/.exec(page.url())![1]! };
}

test("fair release: two people enter a date's lottery through the form, the draw runs, each sees the result by look-up", async ({ browser, request }) => {
  test.slow();
  const place = await createLotteryPlace();
  const people = [randomPerson(), randomPerson()];

  const entries: { page: Page; reference: string; person: Person }[] = [];
  await test.step("during the window a booking becomes a lottery entry (with JavaScript, then without)", async () => {
    entries.push({ ...(await enter(browser, place, people[0]!, true)), person: people[0]! });
    entries.push({ ...(await enter(browser, place, people[1]!, false)), person: people[1]! });
    // The date page counts them (it is cached for a second).
    await expect(async () => {
      await entries[0]!.page.goto(`/book/${KTP_SERVICE.slug}?checklist=confirmed&office=${place.slug}&date=${place.date}`);
      await expect(entries[0]!.page.getByText(/^Undian .+: 2 pendaftar untuk 1 tempat$/)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    for (const e of entries) expect((await lookup(request, e.reference, e.person.nik)).status).toBe("entered");
  });

  await test.step("the window closes and the server's job draws the date", async () => {
    const closed = await withE2ESql((sql) => sql`update lottery_entries set draw_at = now() - interval '1 second' where status = 'waiting' and reference in ${sql(entries.map((e) => e.reference))} returning id`);
    expect(closed).toHaveLength(2);
    await expect.poll(async () => (await lookup(request, entries[0]!.reference, entries[0]!.person.nik)).status, { timeout: 40_000, intervals: [1_000] }).not.toBe("entered");
    const results = await Promise.all(entries.map((e) => lookup(request, e.reference, e.person.nik)));
    expect(results.map((r) => r.status).sort()).toEqual(["drawn", "not_drawn"]);
  });

  await test.step("each person looks the result up with the code and NIK", async () => {
    for (const e of entries) {
      const result = await lookup(request, e.reference, e.person.nik);
      const page = e.page;
      await page.goto(`/check?reference=${e.reference}`);
      await page.getByLabel(/^Kode booking/).fill(e.reference);
      await page.getByLabel(/^NIK/).fill(e.person.nik);
      await page.getByRole("button", { name: "Cek booking" }).click();
      await expect(page).toHaveURL(new RegExp(`/lottery/${e.reference}$`));
      expect(page.url()).not.toContain(e.person.nik);
      if (result.status === "drawn") {
        await expect(page.getByRole("heading", { level: 1, name: "Terpilih" })).toBeVisible();
        await page.getByRole("link", { name: /^Lihat booking/ }).click();
        await expect(page).toHaveURL(new RegExp(`/booking/${result.booking!.reference}$`));
        await expect(page.getByText(/^[A-Z]-\d{3}$/).first()).toBeVisible();
      } else {
        await expect(page.getByRole("heading", { level: 1, name: "Tidak terpilih" })).toBeVisible();
        await expect(page.getByRole("link", { name: "Daftar cadangan tanggal ini" })).toBeVisible();
      }
      await page.context().close();
    }
  });

  await test.step("the public counts: entries, places, winners", async () => {
    const response = await request.get(`/api/v1/transparency?office=${place.slug}`);
    const body = (await response.json()) as { lottery: { date: string; entries: number; places: number; winners: number | null }[] };
    expect(body.lottery.find((l) => l.date === place.date && l.winners !== null)).toMatchObject({ entries: 2, places: 1, winners: 1 });
  });
});

test("the admin's settings page has the lottery's switch (off by default) and its window", async ({ page }) => {
  await loginAs(page, E2E_STAFF.admin);
  await page.goto("/staff/admin/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Pengaturan kantor" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Undian saat tanggal dibuka/ })).not.toBeChecked();
  await expect(page.getByLabel(/^Lama masa pendaftaran undian/)).toHaveValue("30");
  await expectNoAxeViolations(page, "settings with the lottery");
});
