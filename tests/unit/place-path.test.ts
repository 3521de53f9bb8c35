import { describe, expect, it } from "vitest";
import { parsePlaceParam, withPlace } from "@/lib/place-path";

describe("the citizen's place in the booking path", () => {
  it("adds ?office= or &office= only when a place was chosen", () => {
    expect(withPlace("/services/ktp", undefined)).toBe("/services/ktp");
    expect(withPlace("/services/ktp", "mpp-kota-bogor")).toBe("/services/ktp?office=mpp-kota-bogor");
    expect(withPlace("/book/ktp?checklist=confirmed", "kec-bogor-barat")).toBe("/book/ktp?checklist=confirmed&office=kec-bogor-barat");
  });

  it("accepts a slug, treats absent or empty as the default office, and refuses everything else", () => {
    expect(parsePlaceParam(undefined)).toBeUndefined();
    expect(parsePlaceParam("")).toBeUndefined();
    expect(parsePlaceParam("mpp-kota-bogor")).toBe("mpp-kota-bogor");
    for (const hostile of ["<script>", "MPP", "a b", "../kota-bogor", "x".repeat(81), "mpp-", "a&office=b"]) expect(parsePlaceParam(hostile), hostile).toBeNull();
    expect(parsePlaceParam(["mpp", "kota-bogor"])).toBeNull();
  });
});
