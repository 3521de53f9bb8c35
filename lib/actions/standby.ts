"use server";

import { withReferenceGuard } from "../limits/reference-guard";
import { limitJoinStandby, limitSharedJoinStandby, limitSharedStandbyManage, limitStandbyManage } from "../limits/standby";
import { acceptStandbyOffer, joinStandby, lookupStandby, standbyTokenSubject, type StandbyStatusDTO } from "../dal/standby";
import { localDate, localTime } from "../dates";
import { formatDate, formatTime } from "../format";
import type { Translator } from "../i18n/translate";
import { readManageToken, rememberManage } from "../manage-cookie";
import { ReferenceSchema } from "../validation/fields";
import { parseInput } from "../validation/parse";
import { JoinStandbyFormSchema, LookupStandbySchema } from "../validation/standby";
import { defineAction, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

/** Joins the standby list from the full date's page; the look-up page then shows the code and position. */
export const joinStandbyAction = defineAction(
  // What was typed comes back, except the NIK.
  { schema: JoinStandbyFormSchema, limit: limitJoinStandby, echo: ["session", "name", "phone"] },
  async (input, { actor, ip, t }): Promise<FormState | Redirect> => {
    await limitSharedJoinStandby(ip, input);
    const joined = await joinStandby(actor, input, { locale: t.locale });
    return { redirect: `/standby?reference=${joined.reference}&position=${joined.position}` };
  },
);

/** What the look-up shows: the status in words; when a place is offered, the accept button. */
export type StandbyView = { reference: string; referenceDisplay: string; text: string; canAccept: boolean; bookingReference?: string };
export type StandbyFormState = FormState & { standby?: StandbyView };

export const lookupStandbyAction = defineAction(
  { schema: LookupStandbySchema, limit: limitStandbyManage, echo: ["reference"] },
  async (input, { actor, ip, t }): Promise<StandbyFormState> => {
    await limitSharedStandbyManage(ip);
    const found = await withReferenceGuard(input.reference, { ip, secondFactor: false }, () => lookupStandby(actor, input, { locale: t.locale }));
    // As after a booking look-up: this browser may accept for a while without the NIK in a hidden field.
    if (found.status === "offered") await rememberManage(standbyTokenSubject(found.reference));
    return { status: "idle", standby: toView(found, t), values: { reference: found.reference } };
  },
);

/** Accepts the offered place: the booking page follows, with the change/cancel buttons (proof of the NIK). */
export const acceptStandbyAction = defineAction(
  { limit: limitStandbyManage, echo: ["reference"] },
  async (raw, { actor, ip, t }): Promise<StandbyFormState | Redirect> => {
    const reference = parseInput(ReferenceSchema, raw.reference);
    await limitSharedStandbyManage(ip);
    const manageToken = (await readManageToken()) ?? "";
    const booking = await acceptStandbyOffer(actor, { reference, manageToken }, { locale: t.locale });
    await rememberManage(booking.reference);
    return { redirect: `/booking/${booking.reference}` };
  },
);

function toView(s: StandbyStatusDTO, t: Translator): StandbyView {
  const base = { reference: s.reference, referenceDisplay: s.referenceDisplay, canAccept: false };
  if (s.status === "waiting") return { ...base, text: t("standby.status.waiting", { position: s.position ?? 1 }) };
  if (s.status === "booked") return { ...base, text: t("standby.status.booked", { reference: s.booking?.referenceDisplay ?? "" }), bookingReference: s.booking?.reference };
  if (s.status === "offered" && s.offer) {
    const expires = new Date(s.offer.expiresAt);
    const deadline = `${formatDate(localDate(expires, s.office.timezone), t.locale)} ${formatTime(localTime(expires, s.office.timezone), t.locale)}`;
    const session = `${formatTime(s.offer.session.start, t.locale)}–${formatTime(s.offer.session.end, t.locale)}`;
    return { ...base, canAccept: true, text: t("standby.status.offered", { date: formatDate(s.date, t.locale), session, deadline }) };
  }
  return { ...base, text: t("standby.status.expired") };
}
