import { expect, test, type Page } from "@playwright/test";
import { E2E_OFFICE, E2E_STAFF, expectNoAxeViolations, loginAs } from "./fixtures";

/**
 * Issue #10, the last pieces: the main office's admin adds a service point with its first admin, who signs in
 * to that place only; a form's PDF uploaded by the admin is what a citizen's checklist link downloads.
 * Everything made here has a name of its own (`run`): other specs share the e2e office.
 */
const run = Math.random().toString(36).slice(2, 8);

/** A small but real PDF (one empty page). */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

// Long journeys through pages rendered on demand: more than the default minute on a busy two-core machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const staffNav = (page: Page) => page.getByRole("navigation", { name: "Menu petugas" });

test("an admin adds a service point with its first admin, who signs in to that place only", async ({ page, browser }) => {
  await loginAs(page, E2E_STAFF.admin);
  await staffNav(page).getByRole("link", { name: "Tempat layanan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tempat layanan" })).toBeVisible();
  await page.getByRole("link", { name: "Tambah tempat layanan" }).click();

  const slug = `kec-uji-${run}`;
  const name = `Layanan Adminduk Kecamatan Uji ${run}`;
  const form = page.getByRole("form", { name: "Tambah tempat layanan" });
  await form.getByLabel("Kode tempat").fill(slug);
  await form.getByLabel("Nama (Bahasa Indonesia)").fill(name);
  await form.getByLabel("Nama (English)").fill(`Test district desk ${run}`);
  await form.getByLabel("Nama singkat").fill(`Kec. Uji ${run}`);
  await form.getByRole("textbox", { name: /^Alamat/ }).fill("Kantor Kecamatan Uji (alamat contoh)");
  // A map link that is not https is refused with the field named, what was typed kept.
  await form.getByLabel("Tautan peta").fill("http://maps.example/uji");
  await form.getByRole("button", { name: "Simpan tempat baru" }).evaluate((button) => ((button as HTMLButtonElement).form!.noValidate = true));
  await form.getByRole("button", { name: "Simpan tempat baru" }).click();
  await expect(form.getByText("Tulis tautan peta lengkap yang diawali https://.")).toBeVisible();
  await expect(form.getByLabel("Nama (Bahasa Indonesia)")).toHaveValue(name);
  await form.getByLabel("Tautan peta").fill("https://www.openstreetmap.org/search?query=Kecamatan%20Uji");
  await expect(form.getByLabel(/Salin layanan/)).toBeChecked();
  await form.getByRole("button", { name: "Simpan tempat baru" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/admin/places/${slug}\\?saved=created`));
  await expect(page.getByText("Tempat layanan dibuat.")).toBeVisible();
  await expectNoAxeViolations(page, "place page");

  // Its first admin, through the same password rules as every account.
  const first = page.getByRole("form", { name: "Akun petugas pertama" });
  const account = { role: "admin" as const, email: `admin.${run}@kec-uji.antrean.test`, name: "Admin Kecamatan Uji", password: `Kec-Uji-${run}-Sandi-2026` };
  await first.getByLabel("Nama").fill(account.name);
  await first.getByLabel("Email").fill(account.email);
  await expect(first.getByLabel("Peran")).toHaveValue("admin");
  await first.getByLabel("Kata sandi awal").fill(account.password);
  await first.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByText("Akun dibuat.")).toBeVisible();
  await expect(page.getByText(`${account.name} (${account.email}) — Administrator`)).toBeVisible();
  await expect(page.getByText("Tempat ini sudah punya admin")).toBeVisible();

  await page.goto("/staff/admin/places");
  await expect(page.getByRole("table", { name: "Tempat layanan" }).getByRole("row", { name: new RegExp(name) })).toBeVisible();

  // The new admin signs in and works in that place only: its name in the header, its own staff, no places page.
  const other = await browser.newContext();
  const placePage = await other.newPage();
  await loginAs(placePage, account);
  await expect(placePage.getByRole("banner")).toContainText(name);
  await expect(placePage.getByRole("banner")).not.toContainText(E2E_OFFICE.name);
  await expect(staffNav(placePage).getByRole("link", { name: "Tempat layanan" })).toHaveCount(0);
  expect((await placePage.goto("/staff/admin/places"))?.status()).toBe(403);
  await placePage.goto("/staff/admin/users");
  await expect(placePage.getByText(account.email)).toBeVisible();
  await expect(placePage.getByText(E2E_STAFF.admin.email)).toHaveCount(0);
  // The copied catalogue: the place's services are there for its admin to edit.
  await placePage.goto("/staff/admin/services");
  await expect(placePage.getByRole("link", { name: "KTP-el — Pembuatan Baru (perekaman)" })).toBeVisible();
  await other.close();
});

test("an uploaded form PDF is what a citizen's checklist link downloads; a file that is not a PDF is refused", async ({ page, browser }) => {
  await loginAs(page, E2E_STAFF.admin);
  await page.goto("/staff/admin/forms");
  const create = page.getByRole("form", { name: "Tambah formulir" });
  const formSlug = `f-uji-${run}`;
  const formName = `Formulir Uji ${run}`;
  await create.getByLabel("Kode").fill(formSlug);
  await create.getByLabel("Nama (Bahasa Indonesia)").fill(formName);
  // Named .pdf and declared as a PDF, but HTML inside: refused by its bytes, in the reader's language.
  await create.getByLabel("Berkas PDF").setInputFiles({ name: "palsu.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await create.getByRole("button", { name: "Simpan formulir baru" }).click();
  await expect(create.getByText("Berkas ini bukan PDF. Unggah berkas PDF.")).toBeVisible();
  await create.getByLabel("Kode").fill(formSlug);
  await create.getByLabel("Nama (Bahasa Indonesia)").fill(formName);
  await create.getByLabel("Berkas PDF").setInputFiles({ name: `Formulir Uji ${run}.pdf`, mimeType: "application/pdf", buffer: PDF });
  await create.getByRole("button", { name: "Simpan formulir baru" }).click();
  await expect(page.getByText("Formulir disimpan.")).toBeVisible();

  // A service whose requirement links the form (deactivated at the end: the e2e office is shared).
  await page.goto("/staff/admin/services/new");
  const serviceSlug = `uji-pdf-${run}`;
  const serviceName = `Layanan Uji PDF ${run}`;
  await page.getByLabel("Kode").fill(serviceSlug);
  await page.getByLabel("Nama (Bahasa Indonesia)").fill(serviceName);
  await page.getByLabel("Kategori (Bahasa Indonesia)").fill(`Uji PDF ${run}`);
  await page.getByLabel("Huruf antrean").fill("Y");
  await page.getByLabel("Urutan", { exact: true }).fill("95");
  await page.getByRole("button", { name: "Simpan layanan baru" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/admin/services/${serviceSlug}\\?saved=created`));
  const requirements = page.getByRole("form", { name: "Persyaratan" });
  await requirements.getByLabel("Teks (Bahasa Indonesia)").first().fill("Isi formulir uji");
  await requirements.getByLabel("Jenis").first().selectOption("note");
  await requirements.getByLabel("Formulir terkait").first().selectOption({ label: formName });
  await requirements.getByRole("button", { name: "Simpan persyaratan" }).click();
  await expect(page.getByText("Perubahan disimpan dan langsung tampil untuk warga.")).toBeVisible();

  const citizen = await browser.newPage();
  await citizen.goto(`/services/${serviceSlug}`);
  const link = citizen.getByRole("link", { name: new RegExp(formName) });
  await expect(link).toHaveAttribute("href", `/api/v1/forms/${E2E_OFFICE.slug}/${formSlug}.pdf`);
  // Following the link opens the PDF in the tab (Chromium's viewer shows it inline); its bytes are the upload's.
  const [opened] = await Promise.all([citizen.waitForResponse((r) => r.url().endsWith(`/${formSlug}.pdf`)), link.click()]);
  expect(opened.status()).toBe(200);
  expect(opened.headers()["content-type"]).toBe("application/pdf");
  await expect(citizen).toHaveURL(new RegExp(`/api/v1/forms/${E2E_OFFICE.slug}/${formSlug}\\.pdf$`));
  await citizen.goBack();
  const response = await citizen.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({
    "content-type": "application/pdf",
    "x-content-type-options": "nosniff",
    "content-disposition": `inline; filename="Formulir-Uji-${run}.pdf"`,
    "cache-control": "public, max-age=300, must-revalidate",
  });
  expect(Buffer.compare(await response.body(), PDF)).toBe(0);
  await citizen.close();

  await page.getByRole("button", { name: "Nonaktifkan layanan" }).click();
  await expect(page.getByText("Layanan ini tidak tampil untuk warga.")).toBeVisible();
});

