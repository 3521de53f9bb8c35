import "server-only";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { withReferenceGuard } from "../limits/reference-guard";
import { AppError } from "../errors";
import { withDefaults, type CommandOptions } from "./command-options";
import { formatReference, isReference, normalizeReference } from "../reference";
import type { SurveyAnswers } from "../validation/survey";
import { consumeRateLimit } from "./rate-limit";
import { serviceName } from "./services";
import { findSurveyVisit, submitSurvey } from "./survey";

/** As the kiosk's check-in: one person at a time, more than this a minute is a script. */
const KIOSK_SURVEY_ATTEMPTS_PER_MINUTE = 30;

export type KioskSurveyVisit = { reference: string; referenceDisplay: string; serviceName: string; date: string };


/** Only an activated kiosk, within its allowance; misses count per reference and kiosk (no phone digits at a kiosk). */
async function asKiosk<T>(actor: Actor, reference: string, now: Date | undefined, run: () => Promise<T>): Promise<T> {
  assertCan(actor, "survey.record");
  if (actor.type !== "device") throw new AppError("forbidden", "error.forbidden");
  await consumeRateLimit({ key: `kiosk:survey:${actor.deviceId}`, limit: KIOSK_SURVEY_ATTEMPTS_PER_MINUTE, windowSeconds: 60 }, { now });
  return withReferenceGuard(reference, { ip: `kiosk:${actor.deviceId}`, secondFactor: false }, run);
}

/**
 * The kiosk's first survey step: the reference of a visit finished at this office, not yet rated. Another
 * office's visit reads as not found, so a kiosk cannot tell which references exist elsewhere.
 */
export async function getKioskSurveyVisit(actor: Actor, input: { reference: string }, options: CommandOptions = {}): Promise<KioskSurveyVisit> {
  const reference = normalizeReference(input.reference);
  return asKiosk(actor, reference, options.now, async () => {
    const visit = isReference(reference) ? await findSurveyVisit(reference) : null;
    if (!visit || actor.type !== "device" || visit.booking.officeId !== actor.officeId) throw new AppError("not_found", "error.notFound");
    if (visit.answered) throw new AppError("duplicate", "survey.error.already");
    if (visit.booking.status !== "done") throw new AppError("invalid_transition", "survey.error.notServed");
    return { reference, referenceDisplay: formatReference(reference), serviceName: serviceName(visit.service, withDefaults(options).locale), date: visit.booking.serviceDate };
  });
}

/** The sheet, through the web survey's own recording (one per served visit), by the kiosk actor. */
export async function recordKioskSurvey(actor: Actor, input: SurveyAnswers & { reference: string }, options: CommandOptions = {}): Promise<void> {
  const reference = normalizeReference(input.reference);
  await asKiosk(actor, reference, options.now, () => submitSurvey(actor, { ...input, reference }, { now: options.now }));
}
