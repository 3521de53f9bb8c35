"use client";

import { useActionState, useCallback, useEffect, useRef, type KeyboardEvent } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { checkInAction } from "@/lib/actions/check-in";
import { QUEUE_IDLE, type QueueFormState } from "@/lib/actions/queue-state";
import type { CheckedInView } from "@/lib/actions/check-in";
import { CameraScanner } from "./camera-scanner";
import { CheckInResult } from "./check-in-result";

/**
 * Reference first (a USB scanner types it and presses Enter: Enter then moves on to the NIK instead of
 * submitting), then the NIK from the KTP, which is never shown back. Works as a plain form without JS.
 */
export function CheckInForm() {
  const t = useT();
  const [state, action, pending] = useActionState<QueueFormState<CheckedInView>, FormData>(checkInAction, QUEUE_IDLE);
  const reference = useRef<HTMLInputElement>(null);
  const nik = useRef<HTMLInputElement>(null);
  const errors = state.fields ?? {};

  useEffect(() => {
    // After each answer the desk is ready for the next citizen (or for fixing the field that was wrong).
    if (state.status === "error" && errors.nik && !errors.reference) nik.current?.focus();
    else reference.current?.focus();
  }, [state, errors.nik, errors.reference]);

  const onReferenceKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" && nik.current && nik.current.value === "") {
      event.preventDefault();
      nik.current.focus();
    }
  };
  const onScan = useCallback((value: string) => {
    if (reference.current) reference.current.value = value;
    nik.current?.focus();
  }, []);

  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
        <Field
          ref={reference}
          label={t("checkIn.reference")}
          hint={t("checkIn.referenceHint")}
          name="reference"
          errors={errors.reference}
          defaultValue={state.status === "error" ? state.values?.reference : ""}
          autoFocus={!(state.status === "error" && errors.nik && !errors.reference)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={200}
          onKeyDown={onReferenceKey}
          className="font-mono uppercase"
        />
        <Field
          ref={nik}
          label={t("checkIn.nik")}
          hint={t("checkIn.nikHint")}
          name="nik"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          errors={errors.nik}
          autoFocus={state.status === "error" && Boolean(errors.nik) && !errors.reference}
        />
        <Button type="submit" disabled={pending} className="w-full text-xl sm:w-auto">
          {pending ? t("checkIn.pending") : t("checkIn.submit")}
        </Button>
      </form>
      <CameraScanner onScan={onScan} />
      {state.status === "success" && state.result ? <CheckInResult key={state.result.reference} view={state.result} notice={state.notice} /> : null}
    </div>
  );
}
