import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { bookings, messages } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { createEmailChannel } from "@/lib/messages/channels/email";
import { runMessagesOnce, type WorkerConfig } from "@/lib/messages/worker";
import { bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW } from "../helpers/fixtures";
import { startSmtp } from "../helpers/smtp-server";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };

describe.each(DATABASE_KINDS)("the email channel on %s", (kind) => {
  let testDb: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let config: WorkerConfig;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    smtp = await startSmtp();
    config = { channels: { email: createEmailChannel({ url: smtp.url, from: "Disdukcapil Kota Bogor <antrean@bogor.example>" }) }, baseUrl: "https://antrean.example", maxAttempts: 3 };
  });
  afterAll(async () => {
    await smtp.close();
    await testDb.dispose();
  });

  it("an SMTP server receives the confirmation: headers, text and HTML, a calendar file that parses, no NIK anywhere", async () => {
    const t = await createTestOffice(db());
    const nik = adultNik();
    const email = `warga-${kind}@example.test`;
    const created = await createBooking(visitor, bookingRequest(t, { nik, email }), ctx);
    const summary = await runMessagesOnce(db(), config, NOW);
    expect(summary).toMatchObject({ sent: 1, failed: 0 });

    const received = smtp.mails.filter((m) => m.to.includes(email));
    expect(received).toHaveLength(1);
    const raw = received[0]!.raw;
    const mail = await simpleParser(raw);
    expect(mail.from?.text).toBe('"Disdukcapil Kota Bogor" <antrean@bogor.example>');
    expect(mail.subject).toBe(`Booking ${created.referenceDisplay}: ${created.service.name}, Rabu, 2 Desember 2026`);
    expect(mail.headers.get("x-antrean-reference")).toBe(created.reference);
    expect(mail.text).toContain(`Nomor antrean: ${created.queueNumber}`);
    expect(mail.text).toContain("Datang paling lambat pukul 08.45");
    expect(mail.text).toContain(`https://antrean.example/booking/${created.reference}`);
    expect(mail.html).toContain(`<a href="https://antrean.example/booking/${created.reference}">`);
    expect(mail.html).toContain(created.queueNumber);

    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments[0]!;
    expect(ics.filename).toBe(`antrean-${created.reference}.ics`);
    expect(ics.contentType).toBe("text/calendar");
    const lines = ics.content.toString("utf8").replace(/\r\n /g, "").split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("DTSTART:20261202T020000Z"); // 09:00 in Jakarta
    expect(lines).toContain("DTEND:20261202T030000Z");
    expect(lines).toContain(`UID:${created.reference}@antrean`);
    expect(lines.at(-2)).toBe("END:VCALENDAR");

    const [message] = await db().select().from(messages).where(eq(messages.recipient, email));
    expect(message).toMatchObject({ status: "sent", attempts: 1, providerMessageId: expect.stringContaining("@antrean>") });
    for (const haystack of [raw, ics.content.toString("utf8"), JSON.stringify(message)]) {
      expect(haystack).not.toContain(nik);
      expect(haystack).not.toContain((await db().select({ m: bookings.nikMasked }).from(bookings).where(eq(bookings.reference, created.reference)))[0]!.m);
    }
  });

  it("an unreachable SMTP server is retried, not lost", async () => {
    const t = await createTestOffice(db());
    const email = `retry-${kind}@example.test`;
    await createBooking(visitor, bookingRequest(t, { email }), ctx);
    const down: WorkerConfig = { ...config, channels: { email: createEmailChannel({ url: "smtp://127.0.0.1:1", from: "a@b.example", timeoutMs: 2000 }) } };
    await runMessagesOnce(db(), down, NOW);
    const [message] = await db().select().from(messages).where(eq(messages.recipient, email));
    expect(message).toMatchObject({ status: "queued", attempts: 1, lastError: expect.stringContaining("smtp:") });
  });

  it("a wrong SMTP password (535) is the office's configuration: retried, never failed, one log line naming it without personal data", async () => {
    const guarded = await startSmtp({ password: "right" });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const login = (password: string) => ({ email: createEmailChannel({ url: guarded.url.replace("//", `//antrean:${password}@`), from: "antrean@bogor.example", timeoutMs: 2000 }) });
      const t = await createTestOffice(db());
      const emails = [`login-a-${kind}@example.test`, `login-b-${kind}@example.test`];
      for (const email of emails) await createBooking(visitor, bookingRequest(t, { email }), ctx);
      const rows = async () => db().select().from(messages).where(inArray(messages.recipient, emails));
      const summary = await runMessagesOnce(db(), { ...config, channels: login("wrong") }, NOW);
      expect(summary).toMatchObject({ sent: 0, retried: 1, failed: 0 });
      const waiting = await rows();
      expect(waiting.map((m) => m.status)).toEqual(["queued", "queued"]);
      expect(waiting.map((m) => m.attempts).sort()).toEqual([0, 1]); // the second is not tried with a login that failed
      expect(waiting.find((m) => m.attempts === 1)!.lastError).toContain("535");
      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]![0]);
      expect(line).toContain("email channel is misconfigured");
      expect(line).toContain("ANTREAN_SMTP_URL");
      for (const email of emails) expect(line).not.toContain(email);
      expect(line).not.toContain("wrong");

      // The password put right: both go out on the next pass after the backoff.
      await runMessagesOnce(db(), { ...config, channels: login("right") }, new Date(NOW.getTime() + 60 * 60_000));
      expect((await rows()).map((m) => m.status)).toEqual(["sent", "sent"]);
      expect(guarded.mails.map((m) => m.to[0]).filter((to) => emails.includes(to!)).sort()).toEqual(emails); // (the unreachable test's mail is due too)
    } finally {
      log.mockRestore();
      await guarded.close();
    }
  });

  it("a refused recipient (550) is a permanent failure: failed after one attempt", async () => {
    const picky = await startSmtp({ refuseRecipient: (address) => address.startsWith("nobody") });
    try {
      const t = await createTestOffice(db());
      const email = `nobody-${kind}@example.test`;
      await createBooking(visitor, bookingRequest(t, { email }), ctx);
      await runMessagesOnce(db(), { ...config, channels: { email: createEmailChannel({ url: picky.url, from: "antrean@bogor.example" }) } }, NOW);
      const [message] = await db().select().from(messages).where(eq(messages.recipient, email));
      expect(message).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("550") });
    } finally {
      await picky.close();
    }
  });
});
