"use server";

import { revalidatePath } from "next/cache";
import { resendMessage } from "../dal/outbox";
import { ResendMessageSchema } from "../validation/outbox";
import { defineAction } from "./define-action";
import type { FormState } from "./form-state";

export type ResendState = Omit<FormState, "status"> & { status: FormState["status"] | "success"; notice?: string };

/** A supervisor or admin puts one failed or unsent message back in the queue (the DAL checks and audits). */
export const resendMessageAction = defineAction(
  { permission: "messages.manage", schema: ResendMessageSchema },
  async ({ messageId }, { actor, t }): Promise<ResendState> => {
    await resendMessage(actor, { messageId });
    revalidatePath("/staff/messages");
    return { status: "success", notice: t("outbox.resent") };
  },
);
