"use client";

import { useEffect, useRef, useState } from "react";
import type { DisplayCall, DisplayState } from "@/lib/dal/display";
import { applyDisplayEvent, type DisplayEvent } from "@/lib/display-events";

const EVENTS_URL = "/api/v1/display/events";
const MAX_BACKOFF_MS = 60_000;

/**
 * Keeps the display's state live over server-sent events. EventSource reconnects by itself after a network
 * error; after an HTTP error (a 502 during a deploy, a 401 after revocation) it gives up, so we probe and
 * reconnect with backoff, and reload on 401 so the page shows "not activated" instead of stale numbers.
 */
export function useDisplayEvents(initial: DisplayState, onCall: (call: DisplayCall) => void) {
  const [state, setState] = useState(initial);
  const [isConnected, setConnected] = useState(true);
  const stateRef = useRef(initial);
  const onCallRef = useRef(onCall);

  useEffect(() => {
    onCallRef.current = onCall;
  }, [onCall]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let backoff = 2000;
    let isStopped = false;

    const update = (next: DisplayState) => {
      stateRef.current = next;
      setState(next);
    };

    const connect = () => {
      source = new EventSource(EVENTS_URL);
      source.onopen = () => {
        setConnected(true);
        backoff = 2000;
      };
      source.addEventListener("snapshot", (e) => update(JSON.parse((e as MessageEvent<string>).data) as DisplayState));
      source.addEventListener("queue", (e) => {
        const { state: next, call } = applyDisplayEvent(stateRef.current, JSON.parse((e as MessageEvent<string>).data) as DisplayEvent);
        update(next);
        if (call) onCallRef.current(call);
      });
      source.addEventListener("revoked", () => window.location.reload());
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED) scheduleProbe();
      };
    };

    const scheduleProbe = () => {
      source?.close();
      if (isStopped) return;
      retry = setTimeout(async () => {
        try {
          const response = await fetch(EVENTS_URL, { cache: "no-store" });
          void response.body?.cancel();
          if (response.status === 401) return window.location.reload();
          if (response.ok) return connect();
        } catch {
          // The server is unreachable: try again later.
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        scheduleProbe();
      }, backoff);
    };

    connect();
    return () => {
      isStopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, []);

  return { state, isConnected };
}
