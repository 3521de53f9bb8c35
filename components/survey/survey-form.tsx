"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { IDLE } from "@/lib/actions/form-state";
import { submitSurveyAction } from "@/lib/actions/survey";
import { useFocusOnError } from "@/components/booking/booking-form-focus";

export type SurveyQuestion = { name: string; question: string; answers: { value: string; label: string }[] };
export type SurveyProfileField = { name: string; label: string; options: { value: string; label: string }[] };
export type SurveyText = {
  legend: string;
  comment: string;
  optional: string;
  profileTitle: string;
  profileHint: string;
  notAnswered: string;
  nik: string;
  nikHint: string;
  submit: string;
  sending: string;
};

/** The nine questions as large radio buttons, then the optional comment and profile. Works without JS. */
export function SurveyForm(props: { reference: string; needsNik: boolean; questions: SurveyQuestion[]; profile: SurveyProfileField[]; text: SurveyText }) {
  const { reference, needsNik, questions, profile, text } = props;
  const [state, action, pending] = useActionState(submitSurveyAction, IDLE);
  const errorRef = useFocusOnError<HTMLDivElement>(state.status === "error", state);
  const errors = state.fields ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-6" noValidate>
      {state.status === "error" ? (
        <Alert tone="error" ref={errorRef} tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <input type="hidden" name="reference" value={reference} />
      <p className="text-sm text-muted">{text.legend}</p>
      <ol className="space-y-6">
        {questions.map((q, index) => {
          const errorId = errors[q.name]?.length ? `${q.name}-error` : undefined;
          return (
            <li key={q.name}>
              <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
                <legend className="font-semibold">
                  {index + 1}. {q.question}
                </legend>
                {errorId ? (
                  <p id={errorId} className="text-sm font-semibold text-red-800">
                    {errors[q.name]!.join(" ")}
                  </p>
                ) : null}
                <div className="mt-2 grid gap-2 sm:grid-cols-4">
                  {q.answers.map((a) => (
                    <label key={a.value} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                      <input type="radio" name={q.name} value={a.value} defaultChecked={values[q.name] === a.value} className="size-6 shrink-0 accent-brand-600" required />
                      <span>
                        <span aria-hidden="true" className="font-bold">
                          {a.value}.{" "}
                        </span>
                        {a.label}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-col gap-1">
        <label htmlFor="field-comment" className="font-semibold">
          {text.comment} <span className="font-normal text-muted">{text.optional}</span>
        </label>
        <textarea id="field-comment" name="comment" rows={3} maxLength={1000} defaultValue={values.comment} className="rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg" />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-lg font-bold">{text.profileTitle}</legend>
        <p className="text-sm text-muted">{text.profileHint}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {profile.map((f) => (
            <SelectField key={f.name} label={f.label} name={f.name} optionalText={text.optional} errors={errors[f.name]} defaultValue={values[f.name] ?? ""}>
              <option value="">{text.notAnswered}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>
      {needsNik ? <Field label={text.nik} name="nik" hint={text.nikHint} errors={errors.nik} inputMode="numeric" autoComplete="off" maxLength={24} required /> : null}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? text.sending : text.submit}
      </Button>
    </form>
  );
}
