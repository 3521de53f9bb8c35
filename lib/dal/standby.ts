import "server-only";
import { and, eq, lte, sql } from "drizzle-orm";
import { standbyEntries, type Office, type Service, type StandbyEntry } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "../auth/actor";
import type { Channel } from "../capacity";
import { hashNik } from "../crypto";
import { normalizeTime } from "../dates";
import { getDb } from "../db";
import { AppError, notFound } from "../errors";
import { sessionLabel } from "../schedule";
import type { JoinStandbyInput, LookupStandbyInput } from "../validation/standby";
import { evaluateRange } from "./availability";
import { writeAudit } from "./audit";
import { requirePersonOrSuggest } from "./booking-rules";
import { assertNotBookedThatDay, bookingLink, entrySummary, selectEntry, storedNik, waitingOnList, withFreshReference } from "./citizen-entries";
import { withDefaults, type CommandOptions } from "./command-options";
import { requirePublicOffice } from "./places";
import { requireService } from "./services";

export { acceptStandbyOffer, standbyTokenSubject, type StandbyProof } from "./standby-accept";

/** The standby list (daftar cadangan) of a full date: joining and the look-up. Offers: capacity-release.ts. */

export type StandbyStatusDTO = {
  reference: string;
  referenceDisplay: string;
  status: "waiting" | "offered" | "booked" | "expired";
  service: { slug: string; name: string };
  office: { slug: string; name: string; timezone: string };
  date: string;
  /** The session asked for, or null for any. */
  session: string | null;
  /** While waiting: 1 for the first in line. */
  position?: number;
  /** While offered: the place held and until when. */
  offer?: { session: { id: string; label: string; start: string; end: string }; expiresAt: string };
  /** Once accepted: the booking's reference. */
  booking?: { reference: string; referenceDisplay: string };
};

const channel: Channel = "online";

/**
 * Joins the list: the same person rules as a booking (valid NIK, the service's age rule, one visit a day),
 * one entry per NIK and date, and only for a date (or session) that is full for online booking right now.
 */
export async function joinStandby(actor: Actor, input: JoinStandbyInput, options: CommandOptions = {}): Promise<{ reference: string; position: number }> {
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const office = await requirePublicOffice(input.office, db);
  const service = await requireService(office, input.service, db);
  const person = await requirePersonOrSuggest(db, input.nik, service, office, input.date, now, locale);
  await assertFull(db, office, service, input.date, input.session, now);
  await assertNotBookedThatDay(db, office, service, input.date, hashNik(person.nik));

  return withFreshReference({ reference: "standby_entries_reference_uq", personDay: "standby_entries_person_day_uq" }, "standby.error.duplicate", async (reference) => {
    const entry = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(standbyEntries)
        .values({
          reference,
          officeId: office.id,
          serviceId: service.id,
          serviceDate: input.date,
          sessionStartsAt: input.session ?? null,
          ...storedNik(person.nik),
          fullName: input.name,
          phone: input.phone,
          language: locale,
        })
        .returning();
      await writeAudit(tx, {
        officeId: office.id,
        actor,
        action: "standby.join",
        details: { reference, service: service.slug, date: input.date, session: input.session ?? null },
      });
      return row!;
    });
    return { reference, position: await positionOf(db, entry) };
  });
}

/** Reference + NIK → where the person stands. An unknown reference and a wrong NIK get the same 404. */
export async function lookupStandby(_actor: Actor, input: LookupStandbyInput, options: CommandOptions = {}): Promise<StandbyStatusDTO> {
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const found = await selectEntry(db, standbyEntries, and(eq(standbyEntries.reference, input.reference), eq(standbyEntries.nikHash, hashNik(input.nik))));
  if (!found) throw notFound();
  const { entry, service, office } = found;
  const base = { ...entrySummary(entry, service, office, locale), session: entry.sessionStartsAt ? normalizeTime(entry.sessionStartsAt) : null };
  if (entry.status === "waiting") return { ...base, status: "waiting", position: await positionOf(db, entry) };
  if (entry.status === "booked") {
    const ref = found.bookingReference;
    return { ...base, status: "booked", ...(ref ? { booking: bookingLink(ref) } : {}) };
  }
  // An offer past its time is expired even before the maintenance pass hands the place on.
  if (entry.status === "offered" && entry.offerExpiresAt!.getTime() > now.getTime()) {
    const start = normalizeTime(entry.offeredSessionStartsAt!);
    const end = normalizeTime(entry.offeredSessionEndsAt!);
    return { ...base, status: "offered", offer: { session: { id: start, label: sessionLabel(start, end), start, end }, expiresAt: entry.offerExpiresAt!.toISOString() } };
  }
  return { ...base, status: "expired" };
}

/** 1 + the people still waiting ahead on the same list (date and service). */
async function positionOf(db: Executor, entry: StandbyEntry): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(standbyEntries)
    .where(and(waitingOnList(entry), lte(standbyEntries.seq, entry.seq)));
  return Number(row?.n ?? 1);
}

/** The list is for a full date (or a full session): anything else is booked the normal way. */
async function assertFull(db: Executor, office: Office, service: Service, date: string, session: string | undefined, now: Date): Promise<void> {
  const [day] = await evaluateRange(db, office, service, date, date, channel, now);
  if (!day || !day.open) throw new AppError("closed", "error.closed");
  if (session) {
    const chosen = day.sessions.find((s) => s.start === session);
    if (!chosen) throw new AppError("validation", "error.validation", { fields: { session: ["field.session.invalid"] } });
    if (chosen.remaining > 0) throw new AppError("not_full", "standby.error.notFull");
  } else if (day.sessions.some((s) => s.remaining > 0)) {
    throw new AppError("not_full", "standby.error.notFull");
  }
}
