import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { expectNoAxeViolations, loginAs, randomPerson } from "./fixtures";
import { bookViaApi } from "./fixtures/citizen";
import { e2eDatabaseUrl } from "./fixtures/environment";

/**
 * Issue #11's journeys: a citizen rates a finished visit once; a supervisor reads a month's report, switches
 * the chart and downloads the CSV; an operator is refused both report routes.
 *
 * Serving a visit at a counter is the operator-day spec's journey (and other specs press "call next" in the
 * same office): here the booking is marked served directly in the e2e database, the way a counter leaves it.
 */
async function markServed(reference: string): Promise<void> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const updated = await sql`
      update bookings set status = 'done', checked_in_at = now() - interval '40 minutes', called_at = now() - interval '20 minutes',
             serving_started_at = now() - interval '19 minutes', finished_at = now() - interval '5 minutes'
      where reference = ${reference} returning id`;
    expect(updated).toHaveLength(1);
  } finally {
    await sql.end();
  }
}

const main = (page: Page) => page.getByRole("main");

/** The same score (1–4) for each of the nine questions; the radios run from 1 to 4 in every group. */
async function answerAll(page: Page, score: number) {
  const groups = main(page).getByRole("group").filter({ has: page.getByRole("radio") });
  await expect(groups).toHaveCount(9);
  for (let i = 0; i < 9; i++) await groups.nth(i).getByRole("radio").nth(score - 1).check();
}

test("a citizen fills the satisfaction survey after service, and cannot fill it twice", async ({ page, browser, request }) => {
  const person = randomPerson();
  const booked = await bookViaApi(request, person);
  await markServed(booked.reference);

  await page.goto(`/booking/${booked.reference}`);
  await page.getByRole("link", { name: "Isi survei kepuasan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Survei Kepuasan Masyarakat" })).toBeVisible();
  await expect(page.getByRole("group", { name: /kesesuaian persyaratan pelayanan/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // A second tab opened the form before the first one sends it.
  const other = await browser.newPage();
  await other.goto(page.url());

  // Without answers: every question is named, nothing is stored.
  await page.getByLabel("NIK").fill(person.nik);
  await page.getByRole("button", { name: "Kirim survei" }).click();
  await expect(main(page).getByText("Pilih salah satu jawaban.").first()).toBeVisible();

  await answerAll(page, 4);
  await page.getByLabel("Usia").selectOption({ label: "30–39 tahun" });
  await page.getByLabel("Saran atau masukan").fill("Pelayanan cepat, terima kasih");
  await page.getByLabel("NIK").fill(person.nik);
  await page.getByRole("button", { name: "Kirim survei" }).click();
  await expect(main(page).getByText("Terima kasih. Jawaban Anda sudah kami terima.")).toBeVisible();

  await page.goto(`/booking/${booked.reference}/survey`);
  await expect(page).toHaveTitle(/^Survei Kepuasan Masyarakat/);
  await expect(main(page).getByText("Survei untuk kunjungan ini sudah diisi. Terima kasih.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Kirim survei" })).toHaveCount(0);

  await answerAll(other, 3);
  await other.getByLabel("NIK").fill(person.nik);
  await other.getByRole("button", { name: "Kirim survei" }).click();
  await expect(other.getByRole("main").getByRole("alert")).toContainText("Survei untuk kunjungan ini sudah diisi.");
  await other.close();
});

test("a supervisor opens a month's report, switches to a chart and downloads the CSV", async ({ page }) => {
  await loginAs(page, "supervisor");
  await page.getByRole("navigation", { name: "Menu petugas" }).getByRole("link", { name: "Laporan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Laporan" })).toBeVisible();
  await page.getByRole("link", { name: "Bulan ini" }).click();
  const from = await page.getByLabel("Dari tanggal").inputValue();
  expect(from).toMatch(/^\d{4}-\d{2}-01$/);
  await expect(page.getByRole("table", { name: "Per periode" })).toBeVisible();

  await page.getByRole("link", { name: "Per jam check-in" }).click();
  await expect(page.getByRole("link", { name: "Per jam check-in" })).toHaveAttribute("aria-current", "page");
  const chart = main(page).getByRole("img", { name: "Grafik Per jam check-in. Angka yang sama ada pada tabel." });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg.recharts-surface").last()).toBeVisible();
  await expect(page.getByRole("table", { name: "Per jam check-in" }).or(main(page).getByText("Tidak ada data pada rentang ini.").first())).toBeVisible();
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^laporan-e2e-${from}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.replace(/^\uFEFF/, "").split("\n")[0]).toBe(
    "section,group,booked,checked_in,served,no_show,cancelled,expired,wait_median_min,wait_p90_min,service_median_min,service_p90_min,capacity,used,online_capacity,online_used,online_full_at,survey_responses,ikm,ikm_grade",
  );
  expect(csv).toMatch(/\ntotal,Total,\d+,/);
});

test("an operator is refused the report page and its CSV", async ({ page }) => {
  await loginAs(page, "operator");
  expect((await page.goto("/staff/reports"))?.status()).toBe(403);
  const csv = await page.request.get("/staff/reports/export.csv?from=2026-01-01&to=2026-01-31");
  expect(csv.status()).toBe(403);
  await expect(page.getByRole("navigation", { name: "Menu petugas" }).getByRole("link", { name: "Laporan" })).toHaveCount(0);
});
