import { expect, test, type Page } from "@playwright/test";
import { E2E_STAFF, expectNoAxeViolations, loginAs } from "./fixtures";

/**
 * The office run from the staff portal (issues 10 and 12): an admin changes a setting and a service and a
 * citizen's page shows it at once; the audit log finds the change; a message template is edited with a
 * preview, without JavaScript. Every change here is undone at the end: other specs share the e2e office.
 */
const run = Math.random().toString(36).slice(2, 8);

async function adminSettings(page: Page) {
  await page.goto("/staff/admin/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Pengaturan kantor" })).toBeVisible();
}

// Long journeys through pages rendered on demand: more than the default minute on a busy two-core machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

test("an admin changes the office's address: the preview first, then saved, and the citizen's page shows it at once", async ({ page, browser }) => {
  await loginAs(page, E2E_STAFF.admin);
  await page.getByRole("navigation", { name: "Menu petugas" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ringkasan admin" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Pesan ke warga" })).toBeVisible();
  await expectNoAxeViolations(page, "admin overview");

  await adminSettings(page);
  const address = page.getByLabel("Alamat", { exact: true });
  const original = await address.inputValue();
  // The preview: halve the daily quota, see the table, save nothing.
  const cap = page.getByLabel("Kuota harian");
  const originalCap = await cap.inputValue();
  await cap.fill("1");
  // A dropdown changed before the preview stays changed after it (React sets a select's default only when it mounts).
  const late = page.getByLabel("Jika terlambat");
  const otherLate = (await late.inputValue()) === "refuse" ? "back_of_queue" : "refuse";
  await late.selectOption(otherLate);
  await page.getByRole("button", { name: "Pratinjau dampak" }).click();
  const preview = page.getByRole("region", { name: "Tempat online 14 hari ke depan" });
  await expect(preview.getByRole("row")).toHaveCount(15);
  await expect(page.getByLabel("Kuota harian")).toHaveValue("1");
  await expect(page.getByLabel("Jika terlambat")).toHaveValue(otherLate);
  await expectNoAxeViolations(page, "settings preview");
  await page.getByLabel("Kuota harian").fill(originalCap);

  // A refused value names its field and writes nothing (the browser's own min/max check is switched off: the server's is tested).
  await page.getByRole("button", { name: "Simpan pengaturan" }).evaluate((button) => ((button as HTMLButtonElement).form!.noValidate = true));
  await page.getByLabel("Cadangan untuk datang langsung (%)").fill("150");
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByText("Angka di luar batas yang diizinkan.")).toBeVisible();
  await expect(page.getByLabel("Jika terlambat")).toHaveValue(otherLate);
  await page.getByLabel("Cadangan untuk datang langsung (%)").fill("0");
  await adminSettings(page);
  await expect(page.getByLabel("Cadangan untuk datang langsung (%)")).not.toHaveValue("150");
  await expect(page.getByLabel("Jika terlambat")).not.toHaveValue(otherLate);

  const newAddress = `Jl. Uji Admin ${run}`;
  await page.getByLabel("Alamat", { exact: true }).fill(newAddress);
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByText("Pengaturan disimpan.")).toBeVisible();

  const citizen = await browser.newPage();
  await citizen.goto("/");
  await expect(citizen.getByRole("contentinfo")).toContainText(newAddress);

  await adminSettings(page);
  await page.getByLabel("Alamat", { exact: true }).fill(original);
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByText("Pengaturan disimpan.")).toBeVisible();
  await citizen.reload();
  await expect(citizen.getByRole("contentinfo")).not.toContainText(newAddress);
  await citizen.close();
});

test("an admin adds a service with a requirement; citizens see it at once; a taken letter is refused; deactivated it is gone", async ({ page, browser }) => {
  await loginAs(page, E2E_STAFF.admin);
  await page.goto("/staff/admin/services");
  await page.getByRole("link", { name: "Tambah layanan" }).click();
  const slug = `uji-admin-${run}`;
  const name = `Layanan Uji Admin ${run}`;
  try {
    await page.getByLabel("Kode").fill(slug);
    await page.getByLabel("Nama (Bahasa Indonesia)").fill(name);
    await page.getByLabel("Nama (English)").fill(`Admin test service ${run}`);
    await page.getByLabel("Kategori (Bahasa Indonesia)").fill("KTP-el Uji");
    await page.getByLabel("Huruf antrean").fill("A");
    await page.getByLabel("Urutan", { exact: true }).fill("90");
    await page.getByRole("button", { name: "Simpan layanan baru" }).click();
    // A is KTP-el's letter: refused with the reason, what was typed kept.
    await expect(page.getByText("Huruf antrean ini sudah dipakai kategori lain (KTP-el).")).toBeVisible();
    await expect(page.getByLabel("Nama (Bahasa Indonesia)")).toHaveValue(name);
    await page.getByLabel("Kategori (Bahasa Indonesia)").fill("Uji Admin");
    await page.getByLabel("Huruf antrean").fill("Z");
    await page.getByRole("button", { name: "Simpan layanan baru" }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/admin/services/${slug}\\?saved=created`));

    const requirements = page.getByRole("form", { name: "Persyaratan" });
    await requirements.getByLabel("Teks (Bahasa Indonesia)").first().fill("Fotokopi Kartu Keluarga");
    await requirements.getByLabel("Jenis").first().selectOption("document");
    await requirements.getByLabel("Asli atau fotokopi (dokumen saja)").first().selectOption("photocopy");
    await requirements.getByLabel("Jumlah lembar (dokumen saja)").first().fill("2");
    await requirements.getByLabel("Teks (Bahasa Indonesia)").nth(1).fill("Berusia 17 tahun atau sudah menikah");
    await requirements.getByLabel("Jenis").nth(1).selectOption("condition");
    await requirements.getByRole("button", { name: "Simpan persyaratan" }).click();
    await expect(page.getByText("Perubahan disimpan dan langsung tampil untuk warga.")).toBeVisible();
    await expectNoAxeViolations(page, "service edit");

    const citizen = await browser.newPage();
    await citizen.goto(`/services/${slug}`);
    await expect(citizen.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(citizen.getByText("Fotokopi Kartu Keluarga")).toBeVisible();
    await expect(citizen.getByText("Berusia 17 tahun atau sudah menikah")).toBeVisible();
    await citizen.goto("/");
    await expect(citizen.getByRole("link", { name })).toBeVisible();

    await page.getByRole("button", { name: "Nonaktifkan layanan" }).click();
    await expect(page.getByText("Layanan ini tidak tampil untuk warga.")).toBeVisible();
    await citizen.reload();
    await expect(citizen.getByRole("link", { name })).toHaveCount(0);
    expect((await citizen.goto(`/services/${slug}`))?.status()).toBe(404);
    await citizen.close();
  } finally {
    // A failure above must not leave an active Indonesian-only service behind: the English-content spec
    // checks that no citizen page falls back to "(Bahasa Indonesia)".
    await deactivateIfActive(page, slug);
  }
});

test("a supervisor finds the admin's change in the audit log by action and by who", async ({ page }) => {
  await loginAs(page, E2E_STAFF.supervisor);
  await page.getByRole("navigation", { name: "Menu petugas" }).getByRole("link", { name: "Log audit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log audit" })).toBeVisible();
  await page.getByLabel("Tindakan").selectOption("office.settings_update");
  await page.getByRole("button", { name: "Saring" }).click();
  await expect(page).toHaveURL(/action=office\.settings_update/);
  const rows = page.getByRole("table", { name: "Log audit" }).getByRole("row");
  await expect(rows.filter({ hasText: `Jl. Uji Admin ${run}` }).filter({ hasText: "Admin E2E" }).first()).toBeVisible();
  expect(await rows.filter({ hasNotText: "office.settings_update" }).count()).toBe(1); // the header row only
  await page.getByLabel("Siapa").selectOption({ label: E2E_STAFF.supervisor.name });
  await page.getByRole("button", { name: "Saring" }).click();
  await expect(page.getByText("Tidak ada catatan yang cocok.")).toBeVisible();
  await page.goto("/staff/audit?from=2026-13-01");
  await expect(page.getByText("Tanggal tidak valid.")).toBeVisible();
  await page.goto("/staff/audit");
  await expectNoAxeViolations(page, "audit log");
});

test("the admin's lists pass axe: services, forms, templates, a template's editor", async ({ page }) => {
  await loginAs(page, E2E_STAFF.admin);
  for (const [path, heading] of [
    ["/staff/admin/services", "Layanan"],
    ["/staff/admin/services/new", "Tambah layanan"],
    ["/staff/admin/forms", "Formulir"],
    ["/staff/admin/templates", "Templat pesan"],
    ["/staff/admin/templates/confirmation/en", "Konfirmasi · English"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page, path);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an admin edits a message template with a server-rendered preview, is refused an unknown placeholder, and resets it", async ({ page }) => {
    await loginAs(page, E2E_STAFF.admin);
    await page.goto("/staff/admin/templates");
    await page.getByRole("link", { name: "Pengingat · Bahasa Indonesia" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pengingat · Bahasa Indonesia" })).toBeVisible();
    // The saved text's preview is there before anything is pressed.
    await expect(page.getByTestId("preview-body")).toContainText("Nomor antrean: A-017");
    await page.getByLabel("Isi pesan").fill(`Sampai jumpa besok {date} pukul {arriveBy}. Uji ${run}`);
    await page.getByRole("button", { name: "Pratinjau" }).click();
    await expect(page.getByTestId("preview-body")).toContainText(`Sampai jumpa besok`);
    await expect(page.getByTestId("preview-body")).toContainText(`7 Desember 2026`);
    await expect(page.getByTestId("preview-body")).not.toContainText("{date}");
    await page.getByLabel("Isi pesan").fill("Halo {nama}");
    await page.getByRole("button", { name: "Simpan templat" }).click();
    await expect(page.getByText("Kata pengganti tidak dikenal: {nama}")).toBeVisible();
    await page.getByLabel("Isi pesan").fill(`Besok {date}. Uji ${run} {link}`);
    await page.getByRole("button", { name: "Simpan templat" }).click();
    await expect(page.getByText("Templat disimpan.")).toBeVisible();
    await expect(page.getByTestId("preview-body")).toContainText(`Uji ${run}`);
    await page.getByRole("button", { name: "Kembalikan ke teks bawaan" }).click();
    await expect(page.getByText("Templat dikembalikan ke teks bawaan.")).toBeVisible();
    await expect(page.getByLabel("Isi pesan")).toHaveValue(/^Pengingat: kunjungan Anda/);
  });
});

/** Switches a test service off from its edit page, if it exists and is still on. */
async function deactivateIfActive(page: Page, slug: string): Promise<void> {
  const response = await page.goto(`/staff/admin/services/${slug}`);
  if (response?.status() !== 200) return;
  const button = page.getByRole("button", { name: "Nonaktifkan layanan" });
  if ((await button.count()) === 0) return;
  await button.click();
  await expect(page.getByText("Layanan ini tidak tampil untuk warga.")).toBeVisible();
}
