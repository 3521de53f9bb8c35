import { isAppError } from "../errors";
import type { Translator } from "../i18n/translate";
import { isBookingStatus, STATUS_LABEL } from "../queue-labels";
import { toFormState, type FormState } from "./form-state";

/** A staff form's state: the form-state of any form, plus what a success returns and a notice to show. */
export type QueueFormState<R = never> = Omit<FormState, "status"> & { status: "idle" | "success" | "error"; result?: R; notice?: string };

export const QUEUE_IDLE = { status: "idle" } as const;

/**
 * Expected errors in the reader's language; a refused transition also says the booking's current status,
 * so the operator knows why ("Hanya warga yang sudah check-in … Status saat ini: Selesai.").
 */
export function toQueueFormState<R>(error: unknown, t: Translator, values: Record<string, string> = {}): QueueFormState<R> {
  const state = toFormState(error, t, values);
  const status = isAppError(error) && error.code === "invalid_transition" ? error.params?.status : undefined;
  if (isBookingStatus(status)) state.message = `${state.message} ${t("queue.transition.currentStatus", { status: t(STATUS_LABEL[status]) })}`;
  return state;
}
