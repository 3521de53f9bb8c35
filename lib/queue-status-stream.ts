import "server-only";
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
 * One read of an office's day shared by every open stream of that office in this process. Each queue event
 * of the office moves its generation on; a read is reused while no event has arrived since it started. Only
 * while some stream of the office is subscribed (and so sees every event) is a read kept at all.
 */
type OfficeMemo = { streams: number; generation: number; load: { generation: number; promise: Promise<DayStatuses> } | null };
const offices = new Map<string, OfficeMemo>();

export function sharedOfficeDay(officeId: string): Promise<DayStatuses> {
  const memo = offices.get(officeId);
  if (memo?.load && memo.load.generation === memo.generation) return memo.load.promise;
  const promise = getOfficeDayStatuses({ officeId });
  if (memo) {
    const load = { generation: memo.generation, promise };
    memo.load = load;
    promise.catch(() => {
      if (memo.load === load) memo.load = null;
    });
  }
  return promise;
}

function track(officeId: string): { onEvent: () => void; release: () => void } {
  let memo = offices.get(officeId);
  if (!memo) offices.set(officeId, (memo = { streams: 0, generation: 0, load: null }));
  memo.streams++;
  const m = memo;
  return {
    onEvent: () => void m.generation++,
    release: () => {
      if (--m.streams === 0 && offices.get(officeId) === m) offices.delete(officeId);
    },
  };
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
    const day = await sharedOfficeDay(view.officeId);
    // Gone from today's list (rescheduled): read it on its own.
    show(day.of(view.reference, new Date()) ?? (await getQueueStatus({ reference: view.reference })));
  };
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = null;
      refresh().catch(() => close());
    }, coalesceMs);
  };

  const tracked = view.isToday ? track(view.officeId) : null;
  const unsubscribe = tracked
    ? await hub
        .subscribe({ officeId: view.officeId }, () => {
          tracked.onEvent();
          schedule();
        })
        .catch((error: unknown) => {
          tracked.release();
          throw error;
        })
    : () => {};
  const heartbeat = setInterval(() => write(encoder.encode(": heartbeat\n\n")), heartbeatMs);
  const onAbort = () => close();
  function close() {
    if (isClosed) return;
    isClosed = true;
    unsubscribe();
    tracked?.release();
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
      // The view may have been read before the LISTEN was in place: a catch-up read closes that gap (shared
      // and free while the office's other streams have seen no event since).
      if (view.isToday) schedule();
    },
    cancel() {
      close();
    },
  });
}
