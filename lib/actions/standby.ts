"use server";

import { redirect } from "next/navigation";
import { withReferenceGuard } from "../api/reference-guard";
import { limitJoinStandby, limitSharedJoinStandby, limitSharedStandbyManage, limitStandbyManage } from "../api/standby-limits";
import { citizen } from "../auth/actor";
import { acceptStandbyOffer, joinStandby, lookupStandby, standbyTokenSubject, type StandbyStatusDTO } from "../dal/standby";
import { localDate, localTime } from "../dates";
import { formatDate, formatTime } from "../format";
import { getTranslator } from "../i18n/server";
import type { Translator } from "../i18n/translate";
import { readManageToken, rememberManage } from "../manage-cookie";
import { requestIp } from "../request-context";
import { ReferenceSchema } from "../validation/fields";
import { formDataToObject, parseInput } from "../validation/parse";
import { JoinStandbyFormSchema, LookupStandbySchema } from "../validation/standby";
import { toFormState, type FormState } from "./form-state";

/** Joins the standby list from the full date's page; the look-up page then shows the code and position. */
export async function joinStandbyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let joined: { reference: string; position: number };
  try {
    const ip = await requestIp();
    await limitJoinStandby(ip);
    const input = parseInput(JoinStandbyFormSchema, raw);
    await limitSharedJoinStandby(ip, input);
    joined = await joinStandby(input, { actor: citizen(ip), locale: t.locale });
  } catch (error) {
    // What was typed comes back, except the NIK.
    const keep = ["session", "name", "phone"].filter((k) => typeof raw[k] === "string").map((k) => [k, raw[k] as string]);
    return toFormState(error, t, Object.fromEntries(keep));
  }
  redirect(`/standby?reference=${joined.reference}&position=${joined.position}`);
}

/** What the look-up shows: the status in words; when a place is offered, the accept button. */
export type StandbyView = { reference: string; referenceDisplay: string; text: string; canAccept: boolean; bookingReference?: string };
export type StandbyFormState = FormState & { standby?: StandbyView };

export async function lookupStandbyAction(_prev: StandbyFormState, formData: FormData): Promise<StandbyFormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  try {
    const ip = await requestIp();
    await limitStandbyManage(ip);
    const input = parseInput(LookupStandbySchema, raw);
    await limitSharedStandbyManage(ip);
    const found = await withReferenceGuard(input.reference, { ip, secondFactor: false }, () => lookupStandby(input, { locale: t.locale }));
    // As after a booking look-up: this browser may accept for a while without the NIK in a hidden field.
    if (found.status === "offered") await rememberManage(standbyTokenSubject(found.reference));
    return { status: "idle", standby: toView(found, t), values: { reference: found.reference } };
  } catch (error) {
    return toFormState(error, t, { reference: typeof raw.reference === "string" ? raw.reference : "" });
  }
}

/** Accepts the offered place: the booking page follows, with the change/cancel buttons (proof of the NIK). */
export async function acceptStandbyAction(_prev: StandbyFormState, formData: FormData): Promise<StandbyFormState> {
  const t = await getTranslator();
  const raw = formDataToObject(formData);
  let bookingReference: string;
  try {
    const ip = await requestIp();
    await limitStandbyManage(ip);
    const reference = parseInput(ReferenceSchema, raw.reference);
    await limitSharedStandbyManage(ip);
    const manageToken = (await readManageToken()) ?? "";
    bookingReference = (await acceptStandbyOffer({ reference, manageToken }, { actor: citizen(ip), locale: t.locale })).reference;
  } catch (error) {
    return toFormState(error, t, { reference: typeof raw.reference === "string" ? raw.reference : "" });
  }
  await rememberManage(bookingReference);
  redirect(`/booking/${bookingReference}`);
}

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
