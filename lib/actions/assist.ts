"use server";

import { redirect } from "next/navigation";
import { requireStaffAction } from "../auth/session";
import { assistBooking } from "../dal/queue/assist";
import { cancelByStaff } from "../dal/queue/service";
import { getTranslator } from "../i18n/server";
import { AssistBookingSchema, CancelByStaffSchema } from "../validation/queue";
import { formDataToObject, parseInput } from "../validation/parse";
import { toQueueFormState, type QueueFormState } from "./queue-state";

const ECHOED = ["nik", "name", "phone", "email", "priorityReason"] as const;

/** Books for a citizen at the counter (assisted or walk-in), then opens the slip to print. */
export async function assistBookingAction(_prev: QueueFormState, formData: FormData): Promise<QueueFormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let slip: string;
  try {
    const actor = await requireStaffAction("booking.assist");
    const input = parseInput(AssistBookingSchema, raw);
    const result = await assistBooking(actor, input, { locale: t.locale });
    slip = `/staff/slip/${result.booking.reference}${result.checkInError ? "?checkIn=failed" : ""}`;
  } catch (error) {
    return toQueueFormState(error, t, Object.fromEntries(ECHOED.map((k) => [k, typeof raw[k] === "string" ? raw[k] : ""])));
  }
  redirect(slip);
}

/** A supervisor cancels a booking that has not been checked in; its place goes back to the pool. */
export async function cancelByStaffAction(_prev: QueueFormState, formData: FormData): Promise<QueueFormState> {
  const t = await getTranslator();
  try {
    const actor = await requireStaffAction("booking.override");
    const input = parseInput(CancelByStaffSchema, formDataToObject(formData));
    const entry = await cancelByStaff(actor, input, { locale: t.locale });
    return { status: "success", notice: t("today.cancelled", { number: entry.queueNumber }) };
  } catch (error) {
    return toQueueFormState(error, t);
  }
}
