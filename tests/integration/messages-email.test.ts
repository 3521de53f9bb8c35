import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
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
});
