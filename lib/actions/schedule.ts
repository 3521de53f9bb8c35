"use server";

import { revalidatePath } from "next/cache";
import type { StaffActor } from "../auth/actor";
import { closeSchedule, openScheduleDay, reopenSchedule, resetScheduleCapacity, setScheduleCapacity, type ScheduleChangeResult } from "../dal/schedule-changes";
import { BelowBookedError, type AffectedBooking } from "../dal/schedule-safety";
import { addWeeklySession, ImportLinesError, importClosures, removeWeeklySession, updateWeeklySession } from "../dal/schedule-template";
import type { Translator } from "../i18n/translate";
import { parseInput } from "../validation/parse";
import {
  AddWeeklySessionSchema,
  CloseScheduleSchema,
  ImportClosuresSchema,
  OpenDaySchema,
  ReopenScheduleSchema,
  SetCapacitySchema,
  UpdateWeeklySessionSchema,
  WeeklySessionRefSchema,
} from "../validation/schedule";
import { defineAction, type RawForm } from "./define-action";
import type { FormState } from "./form-state";

const PATH = "/staff/schedule";

/** A schedule form's state: done (with what happened), an error, or a change waiting for the keep/cancel choice. */
export type ScheduleFormState = Omit<FormState, "status"> & {
  status: FormState["status"] | "done";
  done?: string;
  booked?: number;
  affected?: AffectedBooking[];
  problems?: { line: number; text: string; message: string }[];
};

type Run = (raw: RawForm, actor: StaffActor) => Promise<ScheduleChangeResult>;

const OPS: Record<string, Run> = {
  close: (raw, actor) => closeSchedule(actor, parseInput(CloseScheduleSchema, raw)),
  reopen: (raw, actor) => reopenSchedule(actor, parseInput(ReopenScheduleSchema, raw)),
  capacity: (raw, actor) => setScheduleCapacity(actor, parseInput(SetCapacitySchema, raw)),
  reset: (raw, actor) => resetScheduleCapacity(actor, parseInput(ReopenScheduleSchema.extend({ onConflict: SetCapacitySchema.shape.onConflict }), raw)),
  open_day: (raw, actor) => openScheduleDay(actor, parseInput(OpenDaySchema, raw)),
  weekly_add: (raw, actor) => addWeeklySession(actor, parseInput(AddWeeklySessionSchema, raw)),
  weekly_update: (raw, actor) => updateWeeklySession(actor, parseInput(UpdateWeeklySessionSchema, raw)),
  weekly_remove: (raw, actor) => removeWeeklySession(actor, parseInput(WeeklySessionRefSchema, raw)),
  import: (raw, actor) => importClosures(actor, parseInput(ImportClosuresSchema, raw)),
};

/** The change's own fields as typed (not `op`, not a posted `office`), to fill the form again. */
function typedValues(raw: RawForm): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "op" && e[0] !== "office"));
}

function doneMessage(result: ScheduleChangeResult, t: Translator): string {
  if ("imported" in result) return t("schedule.import.done", { count: Number(result.imported) });
  if (result.cancelled.length) return t("schedule.doneCancelled", { count: result.cancelled.length });
  if (result.kept.length) return t("schedule.doneKept", { count: result.kept.length });
  return t("schedule.done");
}

/**
 * The two refusals a schedule form shows in its own way: bookings over the new cap (listed, with the
 * keep/cancel choice re-posting the same values and `op`) and the import's bad lines; others rethrown.
 */
function refusalState(error: unknown, t: Translator, raw: RawForm): ScheduleFormState {
  if (error instanceof BelowBookedError) {
    return { status: "error", code: "below_booked", message: t(error.messageKey, error.params), booked: error.booked, affected: error.affected, values: { ...typedValues(raw), op: String(raw.op) } };
  }
  if (error instanceof ImportLinesError) {
    const problems = error.problems.map((p) => ({ line: p.line, text: p.text, message: t(p.problem) }));
    return { status: "error", message: t(error.messageKey, error.params), problems, values: typedValues(raw) };
  }
  throw error;
}

/**
 * Every schedule form posts here with its `op`. Staff act on their own office only (a posted `office`
 * is dropped); the data layer checks the permission for the exact change (a supervisor: today's sessions).
 */
export const scheduleAction = defineAction(
  { permission: "schedule.close_session", echo: typedValues },
  async (form, { actor, t }): Promise<ScheduleFormState> => {
    const { op, office: _office, ...raw } = form;
    const run = typeof op === "string" ? OPS[op] : undefined;
    if (!run) return { status: "error", message: t("error.validation") };
    try {
      const result = await run(raw, actor);
      revalidatePath(PATH);
      return { status: "done", done: doneMessage(result, t) };
    } catch (error) {
      return refusalState(error, t, form);
    }
  },
);
