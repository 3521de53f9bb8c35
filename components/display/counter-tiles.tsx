import type { DisplayState } from "@/lib/dal/display";
import { chooseTileGrid } from "@/lib/display-layout";

/**
 * Every active counter's current number, all on the screen at once: the grid is chosen for the number of
 * counters (lib/display-layout), and each tile is a size container whose label and number scale with the
 * tile (cqw/cqh), never wrapping, so 1 or 12 counters fit any 16:9 screen from 1280×720 up.
 */
export function CounterTiles({ counters, highlight, counterLabel, none }: { counters: DisplayState["counters"]; highlight: number | null; counterLabel: string; none: string }) {
  const { columns, rows } = chooseTileGrid(counters.length);
  return (
    <ul
      className="grid min-h-0 gap-[1.2vh]"
      style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}
    >
      {counters.map((c) => (
        <li
          key={c.number}
          aria-labelledby={`display-counter-${c.number}`}
          className={`@container-size flex min-h-0 min-w-0 flex-col items-center justify-center overflow-hidden rounded-[1.2vh] border-[0.4vh] ${highlight === c.number ? "border-amber-300" : "border-slate-700"} bg-slate-900`}
        >
          <p
            id={`display-counter-${c.number}`}
            className="max-w-full overflow-hidden text-[length:min(9cqw,22cqh)] leading-[1.15] font-semibold whitespace-nowrap text-slate-200 uppercase"
          >
            {counterLabel} {c.number}
          </p>
          <p
            data-queue-number
            className="max-w-full overflow-hidden text-[length:min(22cqw,48cqh)] leading-none font-black whitespace-nowrap text-amber-300 tabular-nums"
          >
            {c.current?.queueNumber ?? none}
          </p>
        </li>
      ))}
    </ul>
  );
}
