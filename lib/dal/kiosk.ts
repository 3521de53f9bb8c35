import "server-only";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { withReferenceGuard } from "../limits/reference-guard";
import { AppError } from "../errors";
import type { CheckInFormInput } from "../validation/queue";
import { requireOfficeById } from "./offices";
import { checkInBooking } from "./queue/check-in";
import type { QueueOptions } from "./queue/change";
import { consumeRateLimit } from "./rate-limit";

/** A kiosk serves one person at a time; more than this a minute is a script, not a queue. */
const KIOSK_ATTEMPTS_PER_MINUTE = 30;

/** What the kiosk's success screen and its 80 mm slip show: the queue number, never a name or a full NIK. */
export type KioskSlipDTO = {
  office: { name: string; shortName: string; timezone: string };
  queueNumber: string;
  reference: string;
  referenceDisplay: string;
  service: string;
  date: string;
  session: string;
  nikMasked: string;
  checkedInAt: string | null;
  alreadyCheckedIn: boolean;
  late: boolean;
};

/**
 * Self check-in at the kiosk: the queue's own check-in (same window, same rules, same audit row), with a
 * per-kiosk allowance and the per-reference failure allowance the public API uses against NIK guessing.
 */
export async function checkInAtKiosk(actor: Actor, input: CheckInFormInput, options: QueueOptions = {}): Promise<KioskSlipDTO> {
  assertCan(actor, "kiosk.check_in");
  // Only a kiosk checks in here; staff use the counter's check-in, which shows them more.
  if (actor.type !== "device") throw new AppError("forbidden", "error.forbidden");
  await consumeRateLimit({ key: `kiosk:check-in:${actor.deviceId}`, limit: KIOSK_ATTEMPTS_PER_MINUTE, windowSeconds: 60 }, options);
  const { entry, alreadyCheckedIn, late } = await withReferenceGuard(input.reference, { ip: `kiosk:${actor.deviceId}`, secondFactor: false }, () => checkInBooking(actor, input, options));
  const office = await requireOfficeById(actor.officeId);
  return {
    office: { name: office.name, shortName: office.shortName, timezone: office.timezone },
    queueNumber: entry.queueNumber,
    reference: entry.reference,
    referenceDisplay: entry.referenceDisplay,
    service: entry.service.name,
    date: entry.date,
    session: entry.session.label,
    nikMasked: entry.nikMasked,
    checkedInAt: entry.checkedInAt,
    alreadyCheckedIn,
    late,
  };
}
