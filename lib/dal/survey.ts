import "server-only";
import { eq } from "drizzle-orm";
import { bookings, services, surveyResponses } from "@/db/schema";
import { assertReferenceMissesLeft, countReferenceMiss } from "../limits/reference-misses";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { UNTRUSTED_CLIENT } from "../client-ip";
import { hashNik } from "../crypto";
import { getDb } from "../db";
import { AppError } from "../errors";
import { verifyManageToken } from "../manage-token";
import { formatReference, isReference, normalizeReference } from "../reference";
import type { SurveyAnswers } from "../validation/survey";
import { writeAudit } from "./audit";
import { serviceName } from "./services";
import { withDefaults, type CommandOptions } from "./command-options";

/** What the survey page needs: whether the visit can be rated, and whether the NIK must be typed. */
export type SurveyAccess = {
  reference: string;
  referenceDisplay: string;
  serviceName: string;
  date: string;
  state: "open" | "answered" | "not_served";
  needsNik: boolean;
};

/** The booking, its service, and whether it already has its sheet. */
export async function findSurveyVisit(reference: string) {
  const db = await getDb();
  const [row] = await db
    .select({ booking: bookings, service: services, answered: surveyResponses.id })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .leftJoin(surveyResponses, eq(surveyResponses.bookingId, bookings.id))
    .where(eq(bookings.reference, reference));
  return row ?? null;
}

/** The survey page's data; anyone with the reference sees only the service and date, never who came. 429 past the misses. */
export async function findSurveyAccess(
  { reference: rawReference, manageToken, ip = UNTRUSTED_CLIENT }: { reference: string; manageToken?: string; ip?: string },
  options: CommandOptions = {},
): Promise<SurveyAccess | null> {
  const { now, locale } = withDefaults(options);
  const reference = normalizeReference(rawReference);
  // The same allowance of misses per address as the confirmation page: references cannot be walked here.
  const isOwner = isReference(reference) && verifyManageToken(manageToken, reference, now);
  if (!isOwner) await assertReferenceMissesLeft(ip);
  const visit = isReference(reference) ? await findSurveyVisit(reference) : null;
  if (!visit) {
    await countReferenceMiss(ip);
    return null;
  }
  const state = visit.answered ? "answered" : visit.booking.status === "done" ? "open" : "not_served";
  return {
    reference,
    referenceDisplay: formatReference(reference),
    serviceName: serviceName(visit.service, locale),
    date: visit.booking.serviceDate,
    state,
    needsNik: !isOwner,
  };
}

export type SubmitSurveyInput = SurveyAnswers & { reference: string; nik?: string; manageToken?: string };

/**
 * Whose visit this is. The citizen proves it with the NIK or this browser's manage cookie. The office's
 * own kiosk needs only the reference of a finished visit there: the person stands in the office, right after
 * being served, and the sheet says nothing about them; the kiosk limits its misses like its check-in does.
 */
function isProven(actor: Actor, booking: typeof bookings.$inferSelect, input: SubmitSurveyInput, now: Date): boolean {
  if (actor.type === "device") return booking.officeId === actor.officeId;
  if (verifyManageToken(input.manageToken, input.reference, now)) return true;
  return input.nik !== undefined && booking.nikHash !== null && booking.nikHash === hashNik(input.nik);
}

/**
 * Records one SKM answer sheet for a finished visit, proven theirs (isProven); the sheet keeps no NIK,
 * name or phone. A second sheet for the same visit is refused (the unique booking link decides, so two tabs at once cannot both count).
 */
export async function submitSurvey(actor: Actor, input: SubmitSurveyInput, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  // The office's own kiosk may record without the NIK (see isProven); it must be allowed to first.
  if (actor.type === "device") assertCan(actor, "survey.record");
  const visit = await findSurveyVisit(input.reference);
  const proven = visit && isProven(actor, visit.booking, input, now);
  if (!visit || !proven) {
    if (visit && actor.type !== "device" && input.nik === undefined) throw new AppError("validation", "error.validation", { fields: { nik: ["field.required"] } });
    throw new AppError("not_found", "error.notFound");
  }
  const { booking } = visit;
  if (booking.status !== "done") throw new AppError("invalid_transition", "survey.error.notServed");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(surveyResponses)
      .values({
        officeId: booking.officeId,
        bookingId: booking.id,
        serviceId: booking.serviceId,
        counterId: booking.counterId,
        serviceDate: booking.serviceDate,
        u1: input.u1,
        u2: input.u2,
        u3: input.u3,
        u4: input.u4,
        u5: input.u5,
        u6: input.u6,
        u7: input.u7,
        u8: input.u8,
        u9: input.u9,
        comment: input.comment,
        ageBand: input.ageBand,
        sex: input.sex,
        education: input.education,
        occupation: input.occupation,
        createdAt: now,
      })
      .onConflictDoNothing({ target: surveyResponses.bookingId })
      .returning({ id: surveyResponses.id });
    if (inserted.length === 0) throw new AppError("duplicate", "survey.error.already");
    await writeAudit(tx, { officeId: booking.officeId, actor, action: "survey.submit", bookingId: booking.id });
  });
}

