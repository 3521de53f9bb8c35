import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDrawSeed, drawOrder } from "@/lib/lottery/draw";

const seedOf = (i: number) => createHash("sha256").update(`antrean-lottery-test-${i}`).digest("hex");

/** Pearson's chi-square statistic of observed counts against one expected count for every cell. */
const chiSquare = (observed: number[], expected: number) => observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);

describe("the lottery draw", () => {
  const entries = Array.from({ length: 10 }, (_, i) => `entry-${i}`);

  it("is a permutation, the same for a seed whatever the input order, different for another seed", () => {
    const seed = seedOf(1);
    const order = drawOrder(seed, entries);
    expect([...order].sort()).toEqual([...entries].sort());
    expect(drawOrder(seed, [...entries].reverse())).toEqual(order);
    expect(drawOrder(seedOf(2), entries)).not.toEqual(order);
    expect(createDrawSeed()).toMatch(/^[0-9a-f]{64}$/);
    expect(() => drawOrder("not-a-seed", entries)).toThrow();
  });

  it("is fair over 10,000 seeded draws: every entry wins a place as often, and takes each rank as often (chi-square, p = 0.001)", () => {
    const draws = 10_000;
    const places = 3;
    const wins = new Array<number>(entries.length).fill(0);
    const firsts = new Array<number>(entries.length).fill(0);
    const ranksOfEntry0 = new Array<number>(entries.length).fill(0);
    for (let d = 0; d < draws; d++) {
      const order = drawOrder(seedOf(d), entries);
      order.slice(0, places).forEach((id) => wins[entries.indexOf(id)]!++);
      firsts[entries.indexOf(order[0]!)]!++;
      ranksOfEntry0[order.indexOf("entry-0")]!++;
    }
    // 9 degrees of freedom: the 0.999 quantile of chi-square is 27.877.
    const CRITICAL = 27.877;
    expect(chiSquare(wins, (draws * places) / entries.length)).toBeLessThan(CRITICAL);
    expect(chiSquare(firsts, draws / entries.length)).toBeLessThan(CRITICAL);
    expect(chiSquare(ranksOfEntry0, draws / entries.length)).toBeLessThan(CRITICAL);
    // The entry that came first (or registered first) has no edge: its share stays within 1.5 points of 30 %.
    expect(Math.abs(wins[0]! / draws - places / entries.length)).toBeLessThan(0.015);
  }, 60_000);

  it("the test above can fail: an order that favours early entries is caught", () => {
    const biased = (seed: string) => [...entries].sort((a, b) => (a === "entry-0" ? -1 : b === "entry-0" ? 1 : seed < "8" ? -1 : 1));
    const wins = new Array<number>(entries.length).fill(0);
    for (let d = 0; d < 2_000; d++) biased(seedOf(d)).slice(0, 3).forEach((id) => wins[entries.indexOf(id)]!++);
    expect(chiSquare(wins, (2_000 * 3) / entries.length)).toBeGreaterThan(27.877);
  });
});
