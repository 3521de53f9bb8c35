import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { KTP_SERVICE, chooseSession, confirmChecklist, fillDetails, readConfirmation, submitDetails } from "../fixtures/citizen";
import { randomPerson } from "../fixtures/people";

/**
 * Service points on a newcomer's install (the embedded default seeds Kota Bogor, the Mal Pelayanan Publik
 * and two kecamatan as public places, and a hidden training place): the citizen picks the place first,
 * then books there; the training place is nowhere for citizens.
 */
const MPP = { slug: "mpp-kota-bogor", name: "Gerai Disdukcapil — Mal Pelayanan Publik Kota Bogor", shortName: "MPP Kota Bogor" };

async function bookAtMpp(page: Page, what: string) {
  const person = randomPerson();
  await page.goto("/");
  await page.getByRole("link", { name: `Pilih ${MPP.shortName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tempat/${MPP.slug}$`));
  await expect(page.getByText(`Tempat layanan: ${MPP.name}`)).toBeVisible();
  await page.getByRole("link", { name: KTP_SERVICE.name }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${KTP_SERVICE.slug}\\?office=${MPP.slug}$`));
  await confirmChecklist(page);
  await expect(page.getByText(`Tempat layanan: ${MPP.name}`)).toBeVisible();
  await chooseSession(page);
  await page.getByRole("button", { name: "Lanjut isi data" }).click();
  await expect(page.getByText(`Tempat layanan: ${MPP.name}`)).toBeVisible();
  if (what === "axe") await expectNoAxeViolations(page, "details at the MPP");
  await fillDetails(page, person);
  await submitDetails(page);
  const { reference } = await readConfirmation(page);
  // The confirmation names the chosen place, with its address: the visit is there, not at the main office.
  await expect(page.getByText(MPP.name, { exact: false }).first()).toBeVisible();
  const lookup = await page.request.post("/api/v1/bookings/lookup", { data: { reference, nik: person.nik } });
  expect(lookup.status()).toBe(200);
  expect(((await lookup.json()) as { office: { slug: string } }).office.slug).toBe(MPP.slug);
}

test.describe("service points", { tag: "@embedded" }, () => {
  test("the home page asks for the place first: addresses and plain map links, no training place", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Pilih tempat layanan" })).toBeVisible();
    const places = page.getByRole("heading", { level: 2 });
    await expect(places).toHaveText(["Dinas Kependudukan dan Pencatatan Sipil Kota Bogor", MPP.name, "Layanan Adminduk Kecamatan Bogor Tengah", "Layanan Adminduk Kecamatan Bogor Barat"]);
    const map = page.getByRole("link", { name: `Lihat lokasi ${MPP.shortName} di peta` });
    await expect(map).toHaveAttribute("href", /^https:\/\/www\.openstreetmap\.org\/search\?query=/);
    await expect(page.locator("iframe")).toHaveCount(0);
    await expect(page.getByText(/Latihan|Training/)).toHaveCount(0);
    await expectNoAxeViolations(page, "place choice");
  });

  test("a citizen picks the Mal Pelayanan Publik and books there", async ({ page }) => {
    test.slow();
    await bookAtMpp(page, "axe");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the same choice and booking work with plain links and forms", async ({ page }) => {
      test.slow();
      await bookAtMpp(page, "");
    });
  });

  test("the transparency page shows each public place's figures, never the training place", async ({ page }) => {
    await page.goto("/transparansi");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Dinas Kependudukan dan Pencatatan Sipil Kota Bogor", MPP.name, "Layanan Adminduk Kecamatan Bogor Tengah", "Layanan Adminduk Kecamatan Bogor Barat"]);
    await expect(page.getByRole("region", { name: MPP.name, exact: true }).getByRole("table")).toHaveCount(1);
    // Each place's sections are named by their heading and the place's, so a screen reader's list of regions
    // tells the four "Kuota 7 hari ke depan" apart.
    await expect(page.getByRole("region", { name: `Kuota 7 hari ke depan ${MPP.name}`, exact: true })).toHaveCount(1);
    await expect(page.getByText(/Latihan|Training/)).toHaveCount(0);
    await expectNoAxeViolations(page, "transparency per place");
  });

  test("the training place is hidden from citizens: pages 404, the API answers as for an unknown office", async ({ page, request }) => {
    expect((await page.goto("/tempat/latihan"))!.status()).toBe(404);
    expect((await page.goto(`/services/${KTP_SERVICE.slug}?office=latihan`))!.status()).toBe(404);
    expect((await page.goto(`/book/${KTP_SERVICE.slug}?office=latihan&checklist=confirmed`))!.status()).toBe(404);
    for (const url of ["/api/v1/services?office=latihan", `/api/v1/availability?office=latihan&service=${KTP_SERVICE.slug}`, "/api/v1/transparency?office=latihan"]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(422);
      expect(JSON.stringify(await response.json()), url).toContain("office");
    }
    // Garbage in the place parameter is a 404, not a crash.
    expect((await page.goto(`/services/${KTP_SERVICE.slug}?office=%3Cscript%3E`))!.status()).toBe(404);
  });
});
