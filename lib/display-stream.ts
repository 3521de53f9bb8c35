import "server-only";
import { getDisplayState } from "./dal/display";
import { isDeviceActive, type DeviceActor } from "./dal/devices";
import type { DisplayEvent } from "./display-events";
import type { HubSignal, QueueEventsHub } from "./queue-events-hub";

export type DisplayStreamOptions = {
  hub: QueueEventsHub;
  signal?: AbortSignal;
  /** Keeps proxies from closing an idle stream; each beat also re-checks that the device is not revoked. */
  heartbeatMs?: number;
  /** An "update" (finish, no-show, transfer) is followed by a fresh snapshot, coalesced over this window. */
  resnapshotDelayMs?: number;
};

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * The call display's event stream: a snapshot, then every queue event of the device's office as it
 * arrives. Subscribes before reading the snapshot so nothing falls in between (the screen ignores a
 * call it already shows). Ends on client abort, on revocation, or when the hub cannot listen.
 */
export async function openDisplayStream(actor: DeviceActor, options: DisplayStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const { hub, signal, heartbeatMs = 15_000, resnapshotDelayMs = 300 } = options;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isClosed = false;
  let buffered: Uint8Array[] | null = [];
  let resnapshot: NodeJS.Timeout | null = null;

  // Timers and the hub call in from outside the stream: a write after the consumer went away must end
  // this stream quietly, never throw out of a timer and take the process down.
  const write = (chunk: Uint8Array) => {
    if (isClosed) return;
    try {
      controller.enqueue(chunk);
    } catch {
      isClosed = true;
      cleanup();
    }
  };
  const send = (chunk: Uint8Array) => {
    if (buffered && !isClosed) buffered.push(chunk);
    else write(chunk);
  };
  const sendSnapshot = async () => {
    const state = await getDisplayState(actor);
    write(frame("snapshot", state));
  };
  const close = (reason?: "revoked") => {
    if (isClosed) return;
    if (reason) write(frame(reason, {}));
    if (isClosed) return;
    isClosed = true;
    cleanup();
    try {
      controller.close();
    } catch {
      // Already cancelled by the consumer: nothing left to close.
    }
  };

  const onSignal = (s: HubSignal) => {
    if (s.type === "revoked") return close("revoked");
    if (s.type === "event" && s.event.kind !== "update") {
      const { officeId: _office, ...event } = s.event;
      return send(frame("queue", event satisfies DisplayEvent));
    }
    resnapshot ??= setTimeout(() => {
      resnapshot = null;
      sendSnapshot().catch(() => close());
    }, resnapshotDelayMs);
  };

  const unsubscribe = await hub.subscribe({ officeId: actor.officeId, deviceId: actor.deviceId }, onSignal);
  const heartbeat = setInterval(() => {
    if (isClosed) return;
    write(encoder.encode(": heartbeat\n\n"));
    isDeviceActive(actor.deviceId)
      .then((active) => active || close("revoked"))
      .catch(() => {});
  }, heartbeatMs);
  const onAbort = () => close();
  const cleanup = () => {
    unsubscribe();
    clearInterval(heartbeat);
    if (resnapshot) clearTimeout(resnapshot);
    signal?.removeEventListener("abort", onAbort);
  };
  signal?.addEventListener("abort", onAbort);

  return new ReadableStream<Uint8Array>({
    async start(c) {
      controller = c;
      if (signal?.aborted) return close();
      write(encoder.encode("retry: 3000\n\n"));
      try {
        await sendSnapshot();
      } catch {
        return close();
      }
      for (const chunk of buffered ?? []) write(chunk);
      buffered = null;
    },
    cancel() {
      isClosed = true;
      cleanup();
    },
  });
}
