import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_STAFF, loginAs } from "./fixtures";

/**
 * The role × page/route matrix of issue #3, over HTTP with the browser's cookies: signed out → the login
 * page; a role without the permission → 403; with it → 200. The data layer refuses the same calls on its
 * own (tests/integration/queue-permissions, staff-users, devices); this checks the pages and routes agree.
 * The outcome is the status and the address after redirects, so the pages are fetched through the page's
 * request context (its cookie jar) rather than loaded, styled and hydrated: the other staff specs use them.
 */
type Outcome = "ok" | "forbidden" | "login";

const PAGES: { path: string; operator: Outcome; supervisor: Outcome; admin: Outcome }[] = [
  { path: "/staff/today", operator: "ok", supervisor: "ok", admin: "ok" },
  { path: "/staff/check-in", operator: "ok", supervisor: "ok", admin: "ok" },
  { path: "/staff/counter", operator: "ok", supervisor: "ok", admin: "ok" },
  { path: "/staff/counter/1", operator: "ok", supervisor: "ok", admin: "ok" },
  { path: "/staff/assist", operator: "ok", supervisor: "ok", admin: "ok" },
  { path: "/staff/messages", operator: "forbidden", supervisor: "ok", admin: "ok" },
  { path: "/staff/outages", operator: "forbidden", supervisor: "ok", admin: "ok" },
  { path: "/staff/devices", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/users", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/users/new", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/reports", operator: "forbidden", supervisor: "ok", admin: "ok" },
  { path: "/staff/reports/monthly", operator: "forbidden", supervisor: "ok", admin: "ok" },
  { path: "/staff/reports/manifest", operator: "forbidden", supervisor: "ok", admin: "ok" },
  { path: "/staff/api-keys", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/audit", operator: "forbidden", supervisor: "ok", admin: "ok" },
  { path: "/staff/admin", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/settings", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/services", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/services/new", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/services/ktp-el-baru", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/forms", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  // Service points: the main office's admins only (the e2e office is a main office; a place's admin: places.spec).
  { path: "/staff/admin/places", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/places/new", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/templates", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/admin/templates/reminder/id", operator: "forbidden", supervisor: "forbidden", admin: "ok" },
  { path: "/staff/schedule", operator: "forbidden", supervisor: "ok", admin: "ok" },
];

async function outcomeOf(request: APIRequestContext, path: string): Promise<Outcome | string> {
  // Redirects are followed as a browser's navigation follows them; url() is where they ended.
  const response = await request.get(path, { headers: { accept: "text/html" } });
  const url = new URL(response.url());
  if (url.pathname === "/staff/login") return "login";
  if (response.status() === 403) return "forbidden";
  if (response.status() === 200 && url.pathname === path) return "ok";
  return `status ${response.status()} at ${url.pathname}`;
}

test.describe("role × page matrix", () => {
  test("signed out: every staff page sends you to the login, the display stream answers 401", async ({ page, request }) => {
    for (const { path } of PAGES) expect(await outcomeOf(page.request, path), path).toBe("login");
    expect((await request.get("/api/v1/display/events")).status()).toBe(401);
  });

  for (const role of ["operator", "supervisor", "admin"] as const) {
    test(`${role}: exactly the pages of the role`, async ({ page }) => {
      await loginAs(page, E2E_STAFF[role]);
      const seen = [];
      for (const row of PAGES) seen.push({ path: row.path, outcome: await outcomeOf(page.request, row.path) });
      expect(seen).toEqual(PAGES.map((row) => ({ path: row.path, outcome: row[role] })));
      // A staff session is not a device: the call display's stream stays closed.
      expect((await page.request.get("/api/v1/display/events")).status()).toBe(401);
      // Reports per place: another organisation's place (Kota Bogor is not under the e2e office) is refused
      // to every role; the page says so instead of showing numbers (issue #11, tests/integration/places).
      const month = "from=2026-11-01&to=2026-11-30";
      expect((await page.request.get(`/staff/reports/export.csv?${month}&office=kota-bogor`)).status(), "CSV of another place").toBe(403);
      if (role !== "operator") {
        await page.goto(`/staff/reports?${month}&office=kota-bogor`);
        await expect(page.getByText("Kantor tidak dikenal.")).toBeVisible();
      }
    });
  }
});
