import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralizeFormula, reportToCsv } from "@/lib/reports/csv";
import type { Report, ReportRow } from "@/lib/reports/types";

const row = (label: string, booked: number): ReportRow => ({
  key: label,
  label,
  booked,
  checkedIn: 1,
  served: 1,
  noShow: 0,
  cancelled: 0,
  expired: 0,
  waitMedian: 6.5,
  waitP90: null,
  serviceMedian: 10,
  serviceP90: 13,
});

const report = (serviceLabel: string): Report => ({
  office: { slug: "kota-bogor", name: "Disdukcapil", timezone: "Asia/Jakarta" },
  from: "2026-12-01",
  to: "2026-12-31",
  groupBy: "day",
  total: row("Total", 3),
  periods: [row("2026-12-01", 3)],
  services: [row(serviceLabel, 3)],
  channels: [],
  counters: [],
  hours: [],
  quota: [{ date: "2026-12-01", open: true, capacity: 40, used: 8, onlineCapacity: 32, onlineUsed: 7, filledAt: null }],
  ikm: { total: null, periods: [], services: [], counters: [] },
});

describe("report CSV", () => {
  it.each(["=HYPERLINK(\"http://x\")", "+62812", "-1+1", "@SUM(A1)", "\t=1", "\r=1"])("neutralises %j", (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text alone", () => {
    expect(neutralizeFormula("Kartu Keluarga")).toBe("Kartu Keluarga");
    expect(neutralizeFormula("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and newlines and keeps the numbers", () => {
    const csv = reportToCsv(report('Akta "Lahir", baru\nbaris'));
    expect(csv.startsWith("\uFEFFsection,group,booked")).toBe(true);
    const records = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    const service = records.find((r) => r.section === "service")!;
    expect(service.group).toBe('Akta "Lahir", baru\nbaris');
    expect(service).toMatchObject({ booked: "3", wait_median_min: "6.5", wait_p90_min: "", service_p90_min: "13" });
    expect(records.find((r) => r.section === "quota")).toMatchObject({ group: "2026-12-01", capacity: "40", online_capacity: "32", online_full_at: "" });
  });

  it("turns a formula-like service name into text", () => {
    const csv = reportToCsv(report('=HYPERLINK("http://evil","klik")'));
    const records = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(records.find((r) => r.section === "service")!.group).toBe(`'=HYPERLINK("http://evil","klik")`);
  });
});
