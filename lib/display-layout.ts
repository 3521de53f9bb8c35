/**
 * How the waiting-room TV lays out its counter tiles: the grid (columns × rows) that gives each tile's
 * queue number the largest type, for an area `aspect` times wider than tall. A tile's number is sized by
 * the tile itself (container units), limited by its width ("A-004" is about 3.3 em of heavy digits) and by
 * its height; so the best grid is the one whose tiles allow the biggest such size. Pure, for a unit test.
 */
export type TileGrid = { columns: number; rows: number };

/** The number's size as a share of a tile's width and height; the CSS uses the same two limits. */
const TILE_NUMBER_WIDTH = 0.22;
const TILE_NUMBER_HEIGHT = 0.48;
/**
 * The counters' area on a 16:9 screen: two thirds of the width, and three fifths of the height the header
 * leaves — two thirds when there are more than six counters (call-display.tsx gives them more room).
 */
function counterAreaAspect(count: number): number {
  return count > 6 ? 2 : 2.2;
}

export function chooseTileGrid(count: number, aspect = counterAreaAspect(count)): TileGrid {
  if (count <= 1) return { columns: 1, rows: 1 };
  let best: TileGrid = { columns: count, rows: 1 };
  let bestSize = 0;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    // A grid with an empty last row or column wastes room that a smaller one would use.
    if ((rows - 1) * columns >= count) continue;
    const size = Math.min((aspect / columns) * TILE_NUMBER_WIDTH, (1 / rows) * TILE_NUMBER_HEIGHT);
    if (size > bestSize + 1e-9) {
      best = { columns, rows };
      bestSize = size;
    }
  }
  return best;
}
