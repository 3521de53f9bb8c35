import { describe, expect, it } from "vitest";
import { chooseTileGrid } from "@/lib/display-layout";

describe("the TV's counter grid", () => {
  it.each(Array.from({ length: 16 }, (_, i) => i + 1))("%i counters: every one gets a cell, no empty row or column", (count) => {
    const { columns, rows } = chooseTileGrid(count);
    expect(columns * rows).toBeGreaterThanOrEqual(count);
    expect((rows - 1) * columns).toBeLessThan(count);
    expect((columns - 1) * rows).toBeLessThan(count);
  });

  it("one counter fills the area; five and twelve get balanced grids, not one long row", () => {
    expect(chooseTileGrid(1)).toEqual({ columns: 1, rows: 1 });
    expect(chooseTileGrid(5)).toEqual({ columns: 3, rows: 2 });
    expect(chooseTileGrid(12)).toEqual({ columns: 3, rows: 4 });
  });
});
