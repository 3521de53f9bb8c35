"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field } from "@/components/ui/field";
import { useFocusOnError } from "@/components/ui/form-error";
import { createBookingAction } from "@/lib/actions/booking";
import { IDLE } from "@/lib/actions/form-state";
import { saveTypedInput } from "@/components/layout/typed-input";
import { useT } from "@/components/i18n/translation-provider";
import { NikField, PhoneField } from "./citizen-fields";
import { PowWidget } from "./pow-widget";

/** Where a person who already booked (and lost the reference) finds it again by NIK + phone. */
const RECOVER_PATH = "/check/recover";

/**
 * The details step. A server action does the work, so the form posts and re-renders with its errors
 * even without JavaScript; with JavaScript it stays on the page and keeps what was typed.
 */
export function BookingForm({
  hidden,
  chooseOtherHref,
  powChallengeUrl,
}: {
  hidden: Record<string, string>;
  chooseOtherHref: string;
  /** Where the proof-of-work widget fetches its challenge; absent when ANTREAN_POW=off. */
  powChallengeUrl?: string;
}) {
  const t = useT();
  const [state, action, pending] = useActionState(createBookingAction, IDLE);
  const errorRef = useFocusOnError<HTMLDivElement>(state.status === "error", state);
  // "Already booked that day" and "this phone's bookings that day" are about one field: it is marked too.
  const errors: Record<string, string[] | undefined> = {
    ...state.fields,
    ...(state.code === "duplicate" && !state.fields?.nik ? { nik: [t("details.nikHasBooking")] } : {}),
    ...(state.code === "phone_limit" && !state.fields?.phone ? { phone: [t("details.phoneAtLimit")] } : {}),
  };
  const values = state.values ?? {};
  const slotProblem = state.code === "full" || state.code === "closed";
  return (
    <form action={action} className="space-y-5" noValidate>
      {Object.entries(hidden)
        // After "please wait" the server's new token replaces the one the page came with.
        .filter(([name]) => !(state.wait && name === "powWait"))
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      {powChallengeUrl ? <PowWidget challengeUrl={powChallengeUrl} answer={state} /> : null}
      {state.wait ? (
        <Alert tone="info" ref={errorRef} tabIndex={-1}>
          <input type="hidden" name="powWait" value={state.wait.token} />
          <p className="font-semibold">{t("pow.wait.title")}</p>
          <p className="mt-1">{state.message}</p>
        </Alert>
      ) : state.status === "error" ? (
        <Alert tone="error" ref={errorRef} tabIndex={-1}>
          <p className="font-semibold">{state.message}</p>
          {slotProblem ? (
            <p className="mt-1">
              <a href={chooseOtherHref}>{t("details.change")}</a>
            </p>
          ) : null}
          {state.suggestion ? (
            <p className="mt-1">
              {t("nik.tryService")} <a href={state.suggestion.href}>{state.suggestion.label}</a>
            </p>
          ) : null}
          {state.code === "duplicate" ? (
            <p className="mt-1">
              {/* With JavaScript the NIK and phone just typed go along (sessionStorage, not the URL). */}
              <a href={RECOVER_PATH} onClick={() => saveTypedInput(RECOVER_PATH, ["nik", "phone"])}>
                {t("recover.fromDuplicate")}
              </a>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <NikField errors={errors.nik} defaultValue={values.nik} />
      <Field label={t("details.name")} name="name" hint={t("details.nameHint")} errors={errors.name} defaultValue={values.name} autoComplete="name" maxLength={100} required />
      <PhoneField errors={errors.phone} defaultValue={values.phone} />
      <Field label={t("details.email")} name="email" optionalText={t("common.optional")} errors={errors.email} defaultValue={values.email} type="email" autoComplete="email" maxLength={254} />
      <Checkbox name="consent" label={t("details.consent")} errors={errors.consent} defaultChecked={values.consent === "on"} required />
      {errors.checklist || errors.service || errors.date || errors.session || errors.office ? (
        <Alert tone="error">{[...(errors.checklist ?? []), ...(errors.service ?? []), ...(errors.date ?? []), ...(errors.session ?? []), ...(errors.office ?? [])].join(" ")}</Alert>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("details.sending") : t("details.submit")}
      </Button>
    </form>
  );
}
