import type { Translator } from "@/lib/i18n/translate";
import { ScheduleForm, type FieldSpec } from "./schedule-form";

export type SessionOption = { value: string; label: string };

type Props = {
  id: string;
  op: "close" | "reopen" | "capacity" | "reset" | "open_day";
  title: string;
  submit: string;
  danger?: boolean;
  t: Translator;
  /** The date the picker starts on, or with `fixedDate` the one date the form acts on (a supervisor's today). */
  date: string;
  fixedDate?: boolean;
  /** The sessions to choose from; none: the change is for the whole day. */
  sessions?: SessionOption[];
  /** A number the change sets: a session's own capacity, or a special day's cap. */
  amount?: "capacity" | "dailyCap";
  /** Ask why (closing, a special day): the reason in Indonesian, and in English if the office gives one. */
  withReason?: boolean;
};

/**
 * The block the date-based schedule changes share (close, reopen, own capacity, reset, a special day):
 * date → session → amount → reason, always in that order, each field only where the change needs it.
 */
export function ScheduleChangeForm({ id, op, title, submit, danger, t, date, fixedDate, sessions, amount, withReason }: Props) {
  const fields: FieldSpec[] = [
    fixedDate ? { name: "date", label: t("schedule.field.date"), type: "hidden", value: date } : { name: "date", label: t("schedule.field.date"), type: "date", value: date, required: true },
  ];
  if (sessions) fields.push({ name: "session", label: t("schedule.field.session"), type: "select", options: sessions });
  if (amount === "capacity") fields.push({ name: "capacity", label: t("schedule.field.capacityLabel"), type: "number", required: true });
  if (amount === "dailyCap") fields.push({ name: "dailyCap", label: t("schedule.field.dailyCap"), type: "number", required: true });
  if (withReason) fields.push({ name: "reason", label: t("schedule.field.reason"), required: true }, { name: "reasonEn", label: t("schedule.field.reasonEn") });
  return <ScheduleForm id={id} op={op} title={title} danger={danger} submit={submit} fields={fields} />;
}
