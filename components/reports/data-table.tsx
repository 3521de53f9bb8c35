export type Column<T> = { key: string; label: string; value: (row: T) => string | number | null; numeric?: boolean };

/** A plain, captioned table: the numbers behind every chart, readable without the chart. */
export function DataTable<T>({ caption, columns, rows, empty }: { caption: string; columns: Column<T>[]; rows: T[]; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`border-b-2 border-slate-300 px-2 py-1 ${c.numeric ? "text-right" : "text-left"}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="odd:bg-slate-50">
              {columns.map((c, j) => {
                const value = c.value(row);
                const text = value === null ? "—" : String(value);
                return j === 0 ? (
                  <th key={c.key} scope="row" className="px-2 py-1 text-left font-semibold">
                    {text}
                  </th>
                ) : (
                  <td key={c.key} className={`px-2 py-1 ${c.numeric ? "text-right tabular-nums" : ""}`}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
