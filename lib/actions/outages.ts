"use server";

import { declareOutage, liftOutage } from "../dal/outages";
import { OutageFormSchema, OutageIdSchema } from "../validation/outage";
import { defineAction, type RawForm, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

/** Every typed text field goes back to the form after an error (the form has no secret fields). */
function typedValues(raw: RawForm): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The outage switch from the staff portal (supervisor, admin): the DAL checks the permission and audits. */
export const declareOutageAction = defineAction(
  { permission: "outage.manage", schema: OutageFormSchema, echo: typedValues },
  async (input, { actor }): Promise<FormState | Redirect> => {
    const count = (await declareOutage(actor, input)).affected.length;
    return { redirect: `/staff/outages?declared=${count}` };
  },
);

export const liftOutageAction = defineAction(
  { permission: "outage.manage", schema: OutageIdSchema },
  async ({ outageId }, { actor }): Promise<FormState | Redirect> => {
    await liftOutage(actor, { id: outageId });
    return { redirect: "/staff/outages?lifted=1" };
  },
);
