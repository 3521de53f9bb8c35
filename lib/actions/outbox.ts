"use server";

import { revalidatePath } from "next/cache";
import { requireStaffAction } from "../auth/session";
import { resendMessage } from "../dal/outbox";
import { getTranslator } from "../i18n/server";
import { ResendMessageSchema } from "../validation/outbox";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

export type ResendState = Omit<FormState, "status"> & { status: FormState["status"] | "success"; notice?: string };

/** A supervisor or admin puts one failed or unsent message back in the queue (the DAL checks and audits). */
export async function resendMessageAction(_prev: ResendState, formData: FormData): Promise<ResendState> {
  const t = await getTranslator();
  try {
    const actor = await requireStaffAction("messages.manage");
    const { messageId } = parseInput(ResendMessageSchema, formDataToObject(formData));
    await resendMessage(actor, messageId);
  } catch (error) {
    return toFormState(error, t, {});
  }
  revalidatePath("/staff/messages");
  return { status: "success", notice: t("outbox.resent") };
}
