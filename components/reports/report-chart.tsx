"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from "recharts";

export type ChartSeries = { key: string; label: string };
export type ChartProps = { kind: "bar" | "line"; title: string; description: string; data: Record<string, string | number | null>[]; xKey: string; series: ChartSeries[] };

/**
 * The chart is one image to assistive technology (its description names the table that holds the numbers),
 * so recharts' keyboard layer is off. Not colour alone: bars carry distinct fills (solid, stripes, dots, cross-hatch) and lines distinct dashes
 * and markers, each named in the legend; the table beside the chart holds the same numbers.
 */
const FILLS = ["#1d4ed8", "url(#stripes)", "url(#dots)", "url(#hatch)"];
const DASHES = ["", "8 4", "2 3", "12 3 2 3"];
const SHAPES = ["circle", "square", "triangle", "diamond"] as const;

function Patterns() {
  return (
    <defs>
      <pattern id="stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#fde68a" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#92400e" strokeWidth="3" />
      </pattern>
      <pattern id="dots" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#dcfce7" />
        <circle cx="3" cy="3" r="1.6" fill="#166534" />
      </pattern>
      <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#fee2e2" />
        <path d="M0 0L6 6M6 0L0 6" stroke="#991b1b" strokeWidth="1.2" />
      </pattern>
    </defs>
  );
}

export function ReportChart({ kind, title, description, data, xKey, series }: ChartProps) {
  const size = { width: Math.max(480, Math.min(960, data.length * 56 + 120)), height: 300 };
  return (
    <figure className="overflow-x-auto" aria-label={title}>
      <div role="img" aria-label={description}>
        {kind === "bar" ? (
          <BarChart {...size} accessibilityLayer={false} data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
            <Patterns />
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey={xKey} />
            <YAxis allowDecimals={false} />
            <Legend />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={FILLS[i % FILLS.length]} stroke="#0f172a" isAnimationActive={false} />
            ))}
          </BarChart>
        ) : (
          <LineChart {...size} accessibilityLayer={false} data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey={xKey} />
            <YAxis />
            <Legend />
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={["#1d4ed8", "#92400e", "#166534", "#991b1b"][i % 4]}
                strokeDasharray={DASHES[i % DASHES.length]}
                strokeWidth={2}
                dot={{ r: 4 }}
                legendType={SHAPES[i % SHAPES.length]}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </div>
      <figcaption className="text-sm text-muted">{description}</figcaption>
    </figure>
  );
}
