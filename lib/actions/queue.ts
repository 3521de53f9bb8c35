"use server";

import { refresh } from "next/cache";
import type { StaffActor } from "../auth/actor";
import { callNext, recall } from "../dal/queue/calls";
import { finishService, markNoShow, startService } from "../dal/queue/service";
import { transfer } from "../dal/queue/transfer";
import type { Translator } from "../i18n/translate";
import { CallNextSchema, CounterBookingSchema, CounterIntentSchema, TransferSchema } from "../validation/queue";
import { parseInput } from "../validation/parse";
import { defineAction, type RawForm } from "./define-action";
import type { QueueFormState } from "./queue-state";

/**
 * Every button of a counter posts here with its `intent`, so the counter has one message area and the
 * buttons work as a plain form without JavaScript. Thin: who → parse → data layer → refresh the page,
 * which reads the counter's new state itself — after a refusal too: a refusal usually means the page was
 * stale (another tab or counter moved the citizen), and the operator should see what is true now.
 */
export const counterAction = defineAction(
  { permission: "queue.operate", schema: CounterIntentSchema },
  async ({ intent }, { actor, raw, t }): Promise<QueueFormState> => {
    try {
      return { status: "success", notice: await INTENTS[intent](actor, raw, t) };
    } finally {
      refresh();
    }
  },
);

const INTENTS: Record<"call" | "recall" | "start" | "finish" | "no_show" | "transfer", (actor: StaffActor, raw: RawForm, t: Translator) => Promise<string>> = {
  async call(actor, raw, t) {
    const { counter } = parseInput(CallNextSchema, raw);
    const result = await callNext(actor, { counterNumber: counter }, { locale: t.locale });
    return result.called ? t("counter.calledNotice", { number: result.entry.queueNumber }) : t("counter.nobodyWaiting");
  },
  async recall(actor, raw, t) {
    const entry = await recall(actor, counterBooking(raw), { locale: t.locale });
    return t("counter.recalledNotice", { number: entry.queueNumber, count: entry.callCount });
  },
  async start(actor, raw, t) {
    const entry = await startService(actor, counterBooking(raw), { locale: t.locale });
    return t("counter.startedNotice", { number: entry.queueNumber });
  },
  async finish(actor, raw, t) {
    const entry = await finishService(actor, counterBooking(raw), { locale: t.locale });
    return t("counter.finishedNotice", { number: entry.queueNumber });
  },
  async no_show(actor, raw, t) {
    const entry = await markNoShow(actor, counterBooking(raw), { locale: t.locale });
    return t("counter.noShowNotice", { number: entry.queueNumber });
  },
  async transfer(actor, raw, t) {
    const input = parseInput(TransferSchema, raw);
    const entry = await transfer(actor, { reference: input.reference, ...input.target }, { locale: t.locale });
    return t("counter.transferredNotice", { number: entry.queueNumber });
  },
};

/** The booking a counter's button names, and the counter it was pressed at. */
function counterBooking(raw: RawForm): { reference: string; counterNumber: number } {
  const { reference, counter } = parseInput(CounterBookingSchema, raw);
  return { reference, counterNumber: counter };
}
