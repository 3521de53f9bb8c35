import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_STAFF } from "../../db/seed/demo-staff";
import { E2E_STAFF, fillLoginForm, loginAs, loginThroughForm, logout } from "./fixtures";

const INVALID = "Email atau kata sandi salah.";
/** The page's own messages; Next's route announcer is an empty alert outside <main>. */
const alertIn = (page: Page) => page.getByRole("main").getByRole("alert");
/**
 * One login attempt, waited out: the server answered and React reset the form (the password field is empty
 * again), so the next attempt can neither be swallowed by the reset nor read the previous message.
 */
async function attemptLogin(page: Page, email: string, password: string): Promise<void> {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/staff/login");
  await fillLoginForm(page, email, password);
  await answered;
  await expect(page.getByLabel(/kata sandi/i)).toHaveValue("");
}
const navLinks = (page: Page) => page.getByRole("navigation", { name: "Menu petugas" }).getByRole("link");

/** Staff sign-in, roles and sessions (issue #3, "Login and roles"). */
test.describe("staff login and roles", () => {
  const expectedNav = {
    operator: ["Hari ini", "Check-in", "Loket", "Booking dibantu"],
    supervisor: ["Hari ini", "Check-in", "Loket", "Booking dibantu", "Laporan", "Pesan", "Log audit", "Jadwal", "Gangguan"],
    admin: ["Hari ini", "Check-in", "Loket", "Booking dibantu", "Laporan", "Pesan", "Log audit", "Admin", "Jadwal", "Gangguan", "Perangkat", "Tempat layanan", "Pengguna", "Kunci API"],
  } as const;

  for (const role of ["operator", "supervisor", "admin"] as const) {
    test(`${role} signs in, sees exactly their menu, and the users page only as admin`, async ({ page }) => {
      const account = E2E_STAFF[role];
      await loginThroughForm(page, role);
      await expect(page.getByText(`Masuk sebagai ${account.name}`)).toBeVisible();
      await expect(navLinks(page)).toHaveText([...expectedNav[role]]);
      const response = await page.goto("/staff/admin/users");
      if (role === "admin") {
        expect(response?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1, name: "Pengguna" })).toBeVisible();
        await expect(page.getByRole("cell", { name: account.email })).toBeVisible();
      } else {
        expect(response?.status()).toBe(403);
        await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
      }
    });
  }

  test("a signed-out visitor is sent to the login and back to the page they asked for", async ({ page }) => {
    await page.goto("/staff/admin/users");
    await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fadmin%2Fusers/);
    await fillLoginForm(page, E2E_STAFF.admin.email, E2E_STAFF.admin.password);
    await expect(page).toHaveURL(/\/staff\/admin\/users$/);
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await page.goto("/staff/login");
    await attemptLogin(page, E2E_STAFF.supervisor.email, "not-the-password");
    await expect(alertIn(page)).toHaveText(INVALID);
    await expect(page.getByLabel("Email")).toHaveValue(E2E_STAFF.supervisor.email);
    await attemptLogin(page, "nobody@e2e.antrean.test", "not-the-password");
    await expect(alertIn(page)).toHaveText(INVALID);
  });

  test("repeated bad passwords lock the account, even against the right password", async ({ page }) => {
    const { email, password } = E2E_STAFF.lockout;
    await page.goto("/staff/login");
    for (let i = 1; i <= 4; i++) {
      await attemptLogin(page, email, `wrong-password-${i}`);
      await expect(alertIn(page)).toHaveText(INVALID);
    }
    await attemptLogin(page, email, "wrong-password-5");
    await expect(alertIn(page)).toHaveText("Terlalu banyak percobaan gagal. Coba lagi dalam 1 menit.");
    await attemptLogin(page, email, password);
    await expect(alertIn(page)).toContainText("Coba lagi dalam 1 menit");
    await expect(page).toHaveURL(/\/staff\/login/);
  });

  test("a locked account still signs in from a browser it used before, and an admin can unlock it", async ({ page, browser }) => {
    const { email, password, name } = E2E_STAFF.regular;
    await loginThroughForm(page, "regular");
    await logout(page);

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto("/staff/login");
    for (let i = 1; i <= 5; i++) await attemptLogin(stranger, email, `wrong-password-${i}`);
    await expect(alertIn(stranger)).toContainText("Terlalu banyak percobaan gagal");
    await attemptLogin(stranger, email, password);
    await expect(alertIn(stranger)).toContainText("Terlalu banyak percobaan gagal");

    // The owner's browser carries the signed known-device cookie from the earlier sign-in.
    await page.goto("/staff/login");
    await fillLoginForm(page, email, password);
    await expect(page.getByText(`Masuk sebagai ${name}`)).toBeVisible();

    const admin = await (await browser.newContext()).newPage();
    await loginAs(admin, "admin");
    await admin.goto("/staff/admin/users");
    await admin.getByRole("link", { name }).click();
    await expect(admin.getByText(/terkunci karena kata sandi salah sampai/)).toBeVisible();
    await admin.getByRole("button", { name: "Buka kunci masuk" }).click();
    await expect(admin.getByRole("status")).toHaveText(`Perubahan untuk ${email} sudah disimpan.`);
    await expect(admin.getByRole("button", { name: "Buka kunci masuk" })).toHaveCount(0);

    await fillLoginForm(stranger, email, password);
    await expect(stranger).not.toHaveURL(/\/staff\/login/);
    await stranger.context().close();
    await admin.context().close();
  });

  test("logout ends the session, also for a copy of its cookie", async ({ page, browser }) => {
    await loginThroughForm(page, "leaver");
    const copy = await browser.newContext();
    await copy.addCookies(await page.context().cookies());
    const thief = await copy.newPage();
    await thief.goto("/staff/today");
    await expect(thief.getByText(`Masuk sebagai ${E2E_STAFF.leaver.name}`)).toBeVisible();

    await logout(page);
    await expect(page.getByRole("status")).toHaveText("Anda sudah keluar.");
    await page.goto("/staff/today");
    await expect(page).toHaveURL(/\/staff\/login/);
    await thief.goto("/staff/today");
    await expect(thief).toHaveURL(/\/staff\/login/);
    await copy.close();
  });

  test("an operator signs out their other devices and stays signed in here", async ({ page, browser }) => {
    await loginThroughForm(page, "leaver");
    const other = await signedInPage(browser, E2E_STAFF.leaver.email, E2E_STAFF.leaver.password);
    await page.getByRole("button", { name: "Keluar dari perangkat lain" }).click();
    await expect(page.getByRole("status")).toHaveText("Sesi akun Anda di perangkat lain sudah diakhiri. Anda tetap masuk di perangkat ini.");
    await page.goto("/staff/today");
    await expect(page.getByText(`Masuk sebagai ${E2E_STAFF.leaver.name}`)).toBeVisible();
    await other.reload();
    await expect(other).toHaveURL(/\/staff\/login/);
    await other.context().close();
  });

  test("works without JavaScript: wrong password message, then sign-in and logout", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/staff/login");
    await fillLoginForm(page, E2E_STAFF.leaver.email, "not-the-password");
    await expect(alertIn(page)).toHaveText(INVALID);
    await fillLoginForm(page, E2E_STAFF.leaver.email, E2E_STAFF.leaver.password);
    await expect(page).not.toHaveURL(/\/staff\/login/);
    await logout(page);
    await context.close();
  });

  test("an account the admin disables stops at its next request", async ({ page, browser }) => {
    const email = `baru-${Date.now()}@e2e.antrean.test`;
    const password = "Petugas-Baru-E2E-2026";
    await loginAs(page, "admin");
    await page.goto("/staff/admin/users/new");
    await page.getByLabel("Nama").fill("Petugas Baru");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Peran").selectOption("operator");
    await page.getByLabel("Kata sandi awal").fill(password);
    await page.getByRole("button", { name: "Tambah akun" }).click();
    await expect(page.getByRole("status")).toHaveText(`Akun ${email} sudah dibuat.`);

    const other = await signedInPage(browser, email, password);
    await expect(other.getByText("Masuk sebagai Petugas Baru")).toBeVisible();

    await page.getByRole("button", { name: "Nonaktifkan" }).click();
    await expect(page.getByRole("status")).toHaveText(`Perubahan untuk ${email} sudah disimpan.`);
    await other.reload();
    await expect(other).toHaveURL(/\/staff\/login/);
    await other.context().close();
  });

  test("next-auth's own endpoints are no second way in: the login form is the only one", async ({ request }) => {
    const { email, password } = E2E_STAFF.supervisor;
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password }, maxRedirects: 0 });
    expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
    expect(await (await request.get("/api/auth/session")).json()).toEqual({});
    expect((await request.get("/staff/today", { maxRedirects: 0 })).headers()["location"]).toMatch(/\/staff\/login/);
  });

  test("a locked login says so in the reader's language, in the form and not in the address", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
    const page = await context.newPage();
    await page.goto("/staff/login");
    for (let i = 1; i <= 5; i++) {
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/staff/login");
      await fillLoginForm(page, "nobody-english@e2e.antrean.test", `wrong-password-${i}`);
      await answered;
      await expect(page.getByLabel("Password")).toHaveValue("");
    }
    await expect(alertIn(page)).toContainText("Too many failed attempts. Try again in 1 minute");
    await expect(page).toHaveURL(/\/staff\/login$/);
    await context.close();
  });
});

/** A newcomer's install: the demo logins the README lists work, one per role. */
test("the demo accounts of the embedded default sign in, one per role @embedded", async ({ page }) => {
  for (const account of DEMO_STAFF) {
    await loginThroughForm(page, account);
    await expect(page.getByText(`Masuk sebagai ${account.name}`)).toBeVisible();
    await logout(page);
  }
});

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginThroughForm(page, { role: "operator", email, name: "", password });
  return page;
}
