"use server";

import type { QueueEntryDTO } from "../dal/queue/entry-dto";
import { checkInBooking, setPriority } from "../dal/queue/check-in";
import type { Translator } from "../i18n/translate";
import { PRIORITY_LABEL, STATUS_LABEL } from "../queue-labels";
import { CheckInSchema, SetPrioritySchema } from "../validation/queue";
import { defineAction } from "./define-action";
import type { QueueFormState } from "./queue-state";

/** What the result panel shows, already in the reader's language. */
export type CheckedInView = {
  reference: string;
  referenceDisplay: string;
  queueNumber: string;
  name: string | null;
  nikMasked: string;
  service: string;
  session: string;
  status: string;
  priority: string | null;
  canSetPriority: boolean;
};

/**
 * The check-in desk: reference (typed or scanned) + the NIK from the KTP. On success the form empties for
 * the next citizen and the result panel shows who was checked in; the NIK is never echoed back.
 */
export const checkInAction = defineAction(
  { permission: "booking.check_in", schema: CheckInSchema, echo: ["reference"] },
  async (input, { actor, t }): Promise<QueueFormState<CheckedInView>> => {
    const result = await checkInBooking(actor, input, { locale: t.locale });
    const notice = result.alreadyCheckedIn ? t("checkIn.already") : result.late ? t("checkIn.late") : t("checkIn.done");
    return { status: "success", result: toView(result.entry, t), notice };
  },
);

/** Marks the citizen just checked in as priority (disability, pregnancy). */
export const setPriorityAction = defineAction(
  { permission: "booking.check_in", schema: SetPrioritySchema },
  async (input, { actor, t }): Promise<QueueFormState<CheckedInView>> => {
    const entry = await setPriority(actor, input, { locale: t.locale });
    return { status: "success", result: toView(entry, t), notice: t("checkIn.prioritySet") };
  },
);

function toView(entry: QueueEntryDTO, t: Translator): CheckedInView {
  return {
    reference: entry.reference,
    referenceDisplay: entry.referenceDisplay,
    queueNumber: entry.queueNumber,
    name: entry.name,
    nikMasked: entry.nikMasked,
    service: entry.service.name,
    session: entry.session.label,
    status: t(STATUS_LABEL[entry.status]),
    priority: entry.isPriority ? (entry.priorityReason ? t(PRIORITY_LABEL[entry.priorityReason]) : t("queue.priority.badge")) : null,
    canSetPriority: entry.status === "checked_in" || entry.status === "booked",
  };
}
