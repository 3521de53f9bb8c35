import type { FormState } from "./form-state";

/** A staff form's state: the form-state of any form, plus what a success returns and a notice to show. */
export type QueueFormState<R = never> = Omit<FormState, "status"> & { status: "idle" | "success" | "error"; result?: R; notice?: string };

export const QUEUE_IDLE = { status: "idle" } as const;
