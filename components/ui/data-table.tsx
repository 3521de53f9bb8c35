import type { ReactNode } from "react";

/** One column of a staff list: its header, and what each row shows in it. */
export type Column<T> = {
  header: ReactNode;
  /** A header only screen readers need (the actions column). */
  srOnlyHeader?: boolean;
  /** The row's own name: rendered as `<th scope="row">`, which screen readers announce with each cell. */
  rowHeader?: boolean;
  /** Extra classes of the cell, fixed or by row. */
  className?: string | ((row: T) => string);
  /** An id for the cell (a form in another cell points at it with aria-describedby). */
  id?: (row: T) => string;
  cell: (row: T) => ReactNode;
};

const ROW = "border-b border-slate-200";

/**
 * The staff portal's list table (accounts, devices, API keys, messages, audit, outages, schedule, previews):
 * a caption for screen readers, column headers, one row per item. No state of its own, so it renders on the
 * server or inside a client form (the schedule's conflict list, the settings preview); cells may hold forms.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  className,
  alignTop = false,
  rowClassName,
}: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  className?: string;
  alignTop?: boolean;
  /** Extra classes of a row (e.g. one marked as changed). */
  rowClassName?: (row: T) => string;
}) {
  return (
    <table className={className ? `w-full text-left ${className}` : "w-full text-left"}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          {columns.map((column, i) => (
            <th key={i} scope="col" className="py-2 pr-4">
              {column.srOnlyHeader ? <span className="sr-only">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={[ROW, alignTop ? "align-top" : "", rowClassName?.(row) ?? ""].filter(Boolean).join(" ")}>
            {columns.map((column, i) => {
              const extra = typeof column.className === "function" ? column.className(row) : column.className;
              const props = { className: extra ? `py-2 pr-4 ${extra}` : "py-2 pr-4", id: column.id?.(row) };
              return column.rowHeader ? (
                <th key={i} scope="row" {...props}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={i} {...props}>
                  {column.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
