import { describe, expect, it } from "vitest";
import { describeError } from "@/lib/errors";

/** What the server logs of an unexpected error: enough to find it, nothing a person typed. */
describe("describeError", () => {
  it("leaves out a failed query's parameters and the value PostgreSQL quotes back", () => {
    const driver = Object.assign(new Error('invalid input syntax for type uuid: "Budi Santoso 081234567890"'), { code: "22P02" });
    const query = new Error('Failed query: select * from bookings where id = $1\nparams: Budi Santoso,081234567890', { cause: driver });
    const text = describeError(query);
    expect(text).toContain("Failed query: select * from bookings where id = $1");
    expect(text).toContain("params: [redacted]");
    expect(text).toContain("invalid input syntax for type uuid: [redacted]");
    expect(text).toContain("sqlstate 22P02");
    expect(text).not.toMatch(/Budi|081234567890/);
  });

  it("also an enum's value, and a NIK anywhere", () => {
    expect(describeError(new Error('invalid input value for enum booking_status: "hacked"'))).toContain("invalid input value for enum booking_status: [redacted]");
    expect(describeError(new Error("lookup of 3271014505900001 failed"))).not.toContain("3271014505900001");
  });
});
