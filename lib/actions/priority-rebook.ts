"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { citizen } from "../auth/actor";
import { rebookWithPriority } from "../dal/priority-rebook";
import { AppError } from "../errors";
import { getTranslator } from "../i18n/server";
import { readManageToken, rememberManage } from "../manage-cookie";
import { requestIp } from "../request-context";
import { parseSlot } from "../slot";
import { ReferenceSchema } from "../validation/fields";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

const TokenSchema = z.string().max(200).optional();

/**
 * Uses a priority rebooking: the link's token (a hidden field, never a NIK) or, after a look-up with
 * reference + NIK, the manage cookie. The new booking's page follows, and this browser may manage it.
 */
export async function priorityRebookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let reference: string;
  try {
    const old = parseInput(ReferenceSchema, raw.reference);
    const token = parseInput(TokenSchema, typeof raw.token === "string" && raw.token ? raw.token : undefined);
    const slot = parseSlot(raw.slot);
    if (!slot) throw new AppError("validation", "slots.required", { fields: { slot: ["slots.required"] } });
    const proof = token ? { priorityToken: token } : { manageToken: (await readManageToken()) ?? "" };
    const booking = await rebookWithPriority({ reference: old, ...proof, ...slot }, { actor: citizen(await requestIp()), locale: t.locale });
    reference = booking.reference;
  } catch (error) {
    return toFormState(error, t, {});
  }
  await rememberManage(reference);
  redirect(`/booking/${reference}?done=rebooked`);
}
