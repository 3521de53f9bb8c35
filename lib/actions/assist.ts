"use server";

import { assistBooking } from "../dal/queue/assist";
import { cancelByStaff } from "../dal/queue/service";
import { AssistBookingSchema, CancelByStaffSchema } from "../validation/queue";
import { defineAction, type Redirect } from "./define-action";
import type { QueueFormState } from "./queue-state";

/** Books for a citizen at the counter (assisted or walk-in), then opens the slip to print. */
export const assistBookingAction = defineAction(
  { permission: "booking.assist", schema: AssistBookingSchema, echo: ["channel", "session", "nik", "name", "phone", "email", "priorityReason", "ageException"] },
  async (input, { actor, t }): Promise<QueueFormState | Redirect> => {
    const result = await assistBooking(actor, input, { locale: t.locale });
    return { redirect: `/staff/slip/${result.booking.reference}${result.checkInError ? "?checkIn=failed" : ""}` };
  },
);

/** A supervisor cancels a booking that has not been checked in; its place goes back to the pool. */
export const cancelByStaffAction = defineAction(
  { permission: "booking.override", schema: CancelByStaffSchema },
  async (input, { actor, t }): Promise<QueueFormState> => {
    const entry = await cancelByStaff(actor, input, { locale: t.locale });
    return { status: "success", notice: t("today.cancelled", { number: entry.queueNumber }) };
  },
);
