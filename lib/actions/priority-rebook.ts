"use server";

import { z } from "zod";
import { rebookWithPriority } from "../dal/priority-rebook";
import { AppError } from "../errors";
import { readManageToken, rememberManage } from "../manage-cookie";
import { parseSlot } from "../slot";
import { ReferenceSchema } from "../validation/fields";
import { parseInput } from "../validation/parse";
import { defineAction, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

const TokenSchema = z.string().max(200).optional();

/**
 * Uses a priority rebooking: the link's token (a hidden field, never a NIK) or, after a look-up with
 * reference + NIK, the manage cookie. The new booking's page follows, and this browser may manage it.
 */
export const priorityRebookAction = defineAction({}, async (raw, { actor, t }): Promise<FormState | Redirect> => {
  const old = parseInput(ReferenceSchema, raw.reference);
  const token = parseInput(TokenSchema, typeof raw.token === "string" && raw.token ? raw.token : undefined);
  const slot = parseSlot(raw.slot);
  if (!slot) throw new AppError("validation", "slots.required", { fields: { slot: ["slots.required"] } });
  const proof = token ? { priorityToken: token } : { manageToken: (await readManageToken()) ?? "" };
  const booking = await rebookWithPriority(actor, { reference: old, ...proof, ...slot }, { locale: t.locale });
  await rememberManage(booking.reference);
  return { redirect: `/booking/${booking.reference}?done=rebooked` };
});
