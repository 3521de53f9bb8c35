import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/safe-path";

describe("safeReturnPath", () => {
  it.each(["/", "/booking/ABCDEFGH", "/staff/today?date=2026-12-02", "/lookup#form", "/a//b"])("keeps the same-site path %j", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    ["//evil.com", "protocol-relative"],
    ["///evil.com", "three slashes"],
    ["/\\evil.com", "a backslash browsers read as a slash"],
    ["\\\\evil.com", "two backslashes"],
    ["/\t/evil.com", "a tab browsers strip before parsing"],
    ["/\n/evil.com", "a new line browsers strip before parsing"],
    ["/\r\n/evil.com", "CR LF"],
    ["https://evil.com", "an absolute URL"],
    ["http:/evil.com", "a scheme with one slash"],
    ["javascript:alert(1)", "a javascript: URL"],
    ["evil.com", "a bare host"],
    [" /staff", "a leading space"],
    ["", "empty"],
  ])("refuses %j (%s)", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("refuses anything that is not a string, and uses the given fallback", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(null, "/staff")).toBe("/staff");
    expect(safeReturnPath(["/staff"], "/staff/login")).toBe("/staff/login");
    expect(safeReturnPath(42, "/x")).toBe("/x");
    expect(safeReturnPath("//evil.com", "/staff")).toBe("/staff");
  });
});
