"use server";

import { limitManageBooking, limitSharedManageBooking } from "../limits/booking";
import { withReferenceGuard } from "../limits/reference-guard";
import { submitSurvey } from "../dal/survey";
import { readManageToken } from "../manage-cookie";
import { SurveySubmitSchema } from "../validation/survey";
import { defineAction, type RawForm, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

/** Everything typed comes back on an error except the NIK, which is never echoed. */
const allButNik = (raw: RawForm) => Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "nik" && typeof v === "string")) as Record<string, string>;

/** One SKM answer sheet; a wrong NIK counts against the reference like a failed look-up. */
export const submitSurveyAction = defineAction(
  { schema: SurveySubmitSchema, limit: limitManageBooking, echo: allButNik },
  async (input, { actor, ip }): Promise<FormState | Redirect> => {
    await limitSharedManageBooking(ip);
    const manageToken = await readManageToken();
    await withReferenceGuard(input.reference, { ip }, () => submitSurvey(actor, { ...input, manageToken }));
    return { redirect: `/booking/${input.reference}/survey?done=1` };
  },
);
