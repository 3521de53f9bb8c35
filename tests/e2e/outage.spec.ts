import { expect, test } from "@playwright/test";
import { E2E_STAFF, expectNoAxeViolations, loginAs, randomPerson } from "./fixtures";
import { bookViaApi, chooseSession, KTP_SERVICE, solvedAltcha } from "./fixtures/citizen";

/**
 * Issue #10: during the day a supervisor flips the outage switch for a session; the booking in it is
 * cancelled, its citizen is listed for contact, new bookings of that session stop at once with the reason
 * shown publicly, and the citizen — without JavaScript, by reference + NIK — rebooks with priority.
 */
test("a supervisor suspends a session and the affected citizen rebooks with priority", async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const person = randomPerson();
  const booked = await bookViaApi(request, person, KTP_SERVICE);
  const [date, session] = booked.slot.split("_") as [string, string];
  const display = `${booked.reference.slice(0, 4)}-${booked.reference.slice(4)}`;

  await loginAs(page, E2E_STAFF.supervisor);
  await page.getByRole("navigation", { name: "Menu petugas" }).getByRole("link", { name: "Gangguan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gangguan layanan" })).toBeVisible();
  await page.getByLabel("Tanggal").fill(date);
  await page.getByLabel("Sesi").selectOption(session);
  await page.getByLabel("Layanan").selectOption(KTP_SERVICE.slug);
  await page.getByLabel("Alasan", { exact: true }).selectOption("siak_down");
  await page.getByRole("button", { name: "Hentikan layanan" }).click();
  await expect(page.getByText(/Layanan dihentikan\. \d+ booking dibatalkan dan diberi tahu\./)).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: display }) });
  await expect(row).toContainText(person.name);
  await expect(row.getByRole("link", { name: `Kirim WhatsApp ke ${person.name}` })).toHaveAttribute("href", /^https:\/\/wa\.me\/62\d+\?text=/);
  await expect(row).toContainText("Belum");
  await expect(page.getByText(person.nik)).toHaveCount(0);
  await expectNoAxeViolations(page, "outage switch");

  // New bookings for that session stop at once, with the reason in the API and on the public page.
  const availability = await request.get(`/api/v1/availability?service=${KTP_SERVICE.slug}&from=${date}&days=1`);
  const [day] = ((await availability.json()) as { days: { sessions: { start: string }[]; outage?: string }[] }).days;
  expect(day!.sessions.map((s) => s.start)).not.toContain(session);
  expect(day!.outage).toMatch(/^Layanan dihentikan sementara: SIAK/);
  const other = randomPerson();
  const refused = await request.post("/api/v1/bookings", { data: { service: KTP_SERVICE.slug, date, session, nik: other.nik, name: other.name, phone: other.phone, altcha: await solvedAltcha(request) } });
  expect(refused.status()).toBe(409);

  // The citizen, on a phone without JavaScript, finds the booking with reference + NIK and rebooks.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const citizen = await context.newPage();
  await citizen.goto("/");
  await expect(citizen.getByRole("heading", { name: "Pemberitahuan: layanan dihentikan sementara" })).toBeVisible();
  await citizen.goto(`/check?reference=${booked.reference}`);
  await citizen.getByLabel(/^Kode booking/).fill(booked.reference);
  await citizen.getByLabel(/^NIK/).fill(person.nik);
  await citizen.getByRole("button", { name: "Cek booking" }).click();
  await expect(citizen.getByText("Booking ini sudah dibatalkan dan kuotanya dikembalikan.")).toBeVisible();
  await citizen.getByRole("link", { name: "Booking ulang prioritas" }).click();
  await expect(citizen.getByRole("heading", { level: 1, name: "Booking ulang prioritas" })).toBeVisible();
  await expect(citizen.getByText(/dibatalkan karena: SIAK/)).toBeVisible();
  // axe needs JavaScript: the same proven visitor (the manage cookie) in a browser that has it.
  const withJs = await browser.newContext();
  await withJs.addCookies(await context.cookies());
  const scanned = await withJs.newPage();
  await scanned.goto(citizen.url());
  await expect(scanned.getByRole("button", { name: "Pindah ke sesi ini" })).toBeVisible();
  await expectNoAxeViolations(scanned, "priority rebooking");
  await withJs.close();
  const chosen = await chooseSession(citizen);
  expect(chosen).not.toBe(booked.slot);
  await citizen.getByRole("button", { name: "Pindah ke sesi ini" }).click();
  await expect(citizen.getByText(/^Booking baru Anda: /)).toBeVisible();
  const newReference = /\/booking\/([A-Z0-9]+)/.exec(citizen.url())![1]!;
  expect(newReference).not.toBe(booked.reference);

  // Single use: the cancelled booking's page no longer offers it.
  await citizen.goto(`/booking/${booked.reference}`);
  await expect(citizen.getByText("Booking ini sudah dibatalkan dan kuotanya dikembalikan.")).toBeVisible();
  await expect(citizen.getByRole("link", { name: "Booking ulang prioritas" })).toHaveCount(0);
  await context.close();

  await page.reload();
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: display }) })).toContainText(`Sudah: ${newReference.slice(0, 4)}-${newReference.slice(4)}`);
  // Lifting the outage opens the session again.
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Gangguan aktif" }) });
  await card.getByRole("button", { name: "Cabut gangguan" }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "Gangguan dicabut: booking dibuka lagi." })).toBeVisible();
  const reopened = await request.get(`/api/v1/availability?service=${KTP_SERVICE.slug}&from=${date}&days=1`);
  const [again] = ((await reopened.json()) as { days: { sessions: { start: string }[]; outage?: string }[] }).days;
  expect(again!.outage).toBeUndefined();
});
