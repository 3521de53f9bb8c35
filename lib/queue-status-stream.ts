import "server-only";
import { performance } from "node:perf_hooks";
import { getOfficeDayStatuses, getQueueStatus, type QueueStatusView } from "./dal/queue/position";
import { SSE_HEADERS } from "./display-stream";
import type { QueueEventsHub } from "./queue-events-hub";

export { SSE_HEADERS };

export type QueueStatusStreamOptions = {
  hub: QueueEventsHub;
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** Events arriving within this window cause one re-read. */
  coalesceMs?: number;
};

type DayStatuses = Awaited<ReturnType<typeof getOfficeDayStatuses>>;

/**
 * One read of an office's day shared by every open stream of that office in this process: a stream reuses a
 * read that started after the event it reacts to, so a call costs one query however many phones watch.
 */
const loads = new Map<string, { startedAt: number; promise: Promise<DayStatuses> }>();

export function sharedOfficeDay(officeId: string, since: number): Promise<DayStatuses> {
  const current = loads.get(officeId);
  if (current && current.startedAt > since) return current.promise;
  const entry = { startedAt: performance.now(), promise: getOfficeDayStatuses(officeId) };
  loads.set(officeId, entry);
  const forget = () => {
    if (loads.get(officeId) === entry) loads.delete(officeId);
  };
  entry.promise.then(() => setTimeout(forget, 10_000).unref(), forget);
  return entry.promise;
}

const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * The citizen's live status: `status` at once and whenever it changes, `calls` ({ count }) when the count of
 * calls grows (a recall leaves the status as it was but must still reach the phone). Visits on another day
 * get the status once and heartbeats: nothing there moves with the hall.
 */
export async function openQueueStatusStream(view: QueueStatusView, options: QueueStatusStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const { hub, signal, heartbeatMs = 15_000, coalesceMs = 250 } = options;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isClosed = false;
  let lastStatus = "";
  let lastCalls = view.callCount;
  let timer: NodeJS.Timeout | null = null;
  let since = 0;

  const write = (chunk: Uint8Array) => {
    if (isClosed) return;
    try {
      controller.enqueue(chunk);
    } catch {
      close();
    }
  };
  const show = (next: QueueStatusView) => {
    const text = JSON.stringify(next.status);
    if (text !== lastStatus) {
      lastStatus = text;
      write(frame("status", next.status));
    }
    if (next.callCount > lastCalls) write(frame("calls", { count: next.callCount }));
    lastCalls = next.callCount;
  };
  const refresh = async () => {
    const day = await sharedOfficeDay(view.officeId, since);
    // Gone from today's list (rescheduled): read it on its own.
    show(day.of(view.reference, new Date()) ?? (await getQueueStatus(view.reference)));
  };
  const schedule = () => {
    since = performance.now();
    timer ??= setTimeout(() => {
      timer = null;
      refresh().catch(() => close());
    }, coalesceMs);
  };

  const unsubscribe = view.isToday ? await hub.subscribe({ officeId: view.officeId }, schedule) : () => {};
  const heartbeat = setInterval(() => write(encoder.encode(": heartbeat\n\n")), heartbeatMs);
  const onAbort = () => close();
  function close() {
    if (isClosed) return;
    isClosed = true;
    unsubscribe();
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    try {
      controller.close();
    } catch {
      // Already cancelled by the consumer.
    }
  }
  signal?.addEventListener("abort", onAbort);

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal?.aborted) return close();
      write(encoder.encode("retry: 5000\n\n"));
      show(view);
      // The view was read before the LISTEN was in place: one catch-up read closes that gap.
      if (view.isToday) schedule();
    },
    cancel() {
      close();
    },
  });
}
