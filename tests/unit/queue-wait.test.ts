import { describe, expect, it } from "vitest";
import { countAhead, countersFor, DEFAULT_SERVICE_TIME, estimateWait, quantile, serviceTimeFrom, type CounterRow, type WaitingRow } from "@/lib/queue-wait";

const c1: CounterRow = { id: "c1", isActive: true, serviceIds: ["ktp", "kk"] };
const c2: CounterRow = { id: "c2", isActive: true, serviceIds: ["kia"] };
const c3: CounterRow = { id: "c3", isActive: false, serviceIds: ["kk"] };
const row = (id: string, serviceId: string, counterId: string | null = null): WaitingRow => ({ id, serviceId, counterId });

describe("the position rule", () => {
  it("counts only those ahead that a counter able to call the citizen would call first", () => {
    const order = [row("a", "kia"), row("b", "ktp"), row("c", "kk"), row("me", "kk"), row("d", "kk")];
    // c1 serves ktp and kk: a (kia, only c2) is not in my way; b and c are.
    expect(countAhead(order, "me", [c1, c2, c3])!.ahead.map((r) => r.id)).toEqual(["b", "c"]);
    expect(countAhead(order, "a", [c1, c2, c3])!.ahead).toEqual([]);
    expect(countAhead(order, "nobody", [c1, c2])).toBeNull();
  });

  it("a citizen transferred to a counter waits only for that counter; others transferred there count", () => {
    const order = [row("x", "ktp", "c2"), row("b", "ktp"), row("me", "kia", "c2"), row("y", "kk")];
    expect(countAhead(order, "me", [c1, c2])!.ahead.map((r) => r.id)).toEqual(["x"]);
    // b (untransferred ktp) is served by c1 only; a row transferred to c2 is not in c1's way.
    expect(countAhead(order, "b", [c1, c2])!.ahead).toEqual([]);
  });

  it("uses the open counters, or every counter serving the service before any opens", () => {
    expect(countersFor(row("me", "kk"), [c1, c3]).map((c) => c.id)).toEqual(["c1"]);
    expect(countersFor(row("me", "kk"), [{ ...c1, isActive: false }, c3]).map((c) => c.id)).toEqual(["c1", "c3"]);
    expect(countersFor(row("me", "kk", "c3"), [c1, c3]).map((c) => c.id)).toEqual(["c3"]);
  });
});

describe("the estimate", () => {
  it("takes today's times when there are enough, else recent days', else the default", () => {
    expect(serviceTimeFrom([4, 6, 8, 10, 12], [20, 20, 20, 20, 20])).toEqual({ p25: 6, p75: 10, source: "today" });
    expect(serviceTimeFrom([4, 6], [20, 20, 20, 20, 20])).toEqual({ p25: 20, p75: 20, source: "history" });
    expect(serviceTimeFrom([], [1])).toEqual({ ...DEFAULT_SERVICE_TIME, source: "default" });
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it("shares the work ahead among the open counters and rounds outwards to 5 minutes", () => {
    const t = { p25: 6, p75: 10 };
    // 5 ahead at one counter: 30..60 (incl. the citizen at the counter now).
    expect(estimateWait([t, t, t, t, t], t, 1)).toEqual({ low: 30, high: 60 });
    // Two counters halve it.
    expect(estimateWait([t, t, t, t, t], t, 2)).toEqual({ low: 15, high: 30 });
    // Nobody ahead still shows a range at least 5 minutes wide.
    expect(estimateWait([], { p25: 1, p75: 2 }, 3)).toEqual({ low: 0, high: 5 });
    // No open counter is treated as one, not a division by zero.
    expect(estimateWait([t], t, 0)).toEqual({ low: 5, high: 20 });
  });
});
