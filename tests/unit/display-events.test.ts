import { describe, expect, it } from "vitest";
import type { DisplayState } from "@/lib/dal/display";
import { applyDisplayEvent, RECENT_CALLS } from "@/lib/display-events";

const base: DisplayState = {
  office: { name: "Disdukcapil", shortName: "Bogor", timezone: "Asia/Jakarta" },
  date: "2026-12-01",
  counters: [
    { number: 1, name: "Loket 1", current: null },
    { number: 3, name: "Loket 3", current: { queueNumber: "A-001", counterNumber: 3, counterName: "Loket 3", kind: "call", at: "2026-12-01T02:00:00.000Z" } },
  ],
  recent: [{ queueNumber: "A-001", counterNumber: 3, counterName: "Loket 3", kind: "call", at: "2026-12-01T02:00:00.000Z" }],
  generatedAt: "2026-12-01T02:00:01.000Z",
};

describe("applyDisplayEvent", () => {
  it("puts a call on its counter and at the top of the recent calls", () => {
    const { state, call } = applyDisplayEvent(base, { kind: "call", queueNumber: "A-017", counterNumber: 1, counterName: "Loket 1", at: "2026-12-01T02:05:00.000Z" });
    expect(call?.queueNumber).toBe("A-017");
    expect(state.counters[0]!.current?.queueNumber).toBe("A-017");
    expect(state.counters[1]!.current?.queueNumber).toBe("A-001");
    expect(state.recent.map((r) => r.queueNumber)).toEqual(["A-017", "A-001"]);
    expect(base.counters[0]!.current).toBeNull();
  });

  it("announces a recall of the same number again", () => {
    const { call } = applyDisplayEvent(base, { kind: "recall", queueNumber: "A-001", counterNumber: 3, at: "2026-12-01T02:00:30.000Z" });
    expect(call?.kind).toBe("recall");
  });

  it("ignores a call the screen already shows, updates and incomplete events", () => {
    expect(applyDisplayEvent(base, { kind: "call", queueNumber: "A-001", counterNumber: 3, at: "2026-12-01T02:00:00.400Z" }).call).toBeNull();
    expect(applyDisplayEvent(base, { kind: "update", at: "2026-12-01T02:00:00.000Z" })).toEqual({ state: base, call: null });
    expect(applyDisplayEvent(base, { kind: "call", counterNumber: 1, at: "2026-12-01T02:00:00.000Z" }).call).toBeNull();
  });

  it("adds a counter it did not know, in order, and keeps only the last calls", () => {
    let state = base;
    for (let i = 0; i < 10; i++) {
      state = applyDisplayEvent(state, { kind: "call", queueNumber: `B-${100 + i}`, counterNumber: 2, at: new Date(Date.UTC(2026, 11, 1, 3, i)).toISOString() }).state;
    }
    expect(state.counters.map((c) => [c.number, c.name])).toEqual([[1, "Loket 1"], [2, "2"], [3, "Loket 3"]]);
    expect(state.recent).toHaveLength(RECENT_CALLS);
    expect(state.recent[0]!.queueNumber).toBe("B-109");
  });
});
