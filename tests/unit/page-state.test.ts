import { describe, expect, it } from "vitest";
import { decodePageState, encodePageState, staticPagePath, staticRouteFor } from "@/lib/page-state";

describe("page state segment (cached citizen pages read their query from the path)", () => {
  it("maps citizen paths to cached routes, and leaves booking pages rendered per request", () => {
    expect(staticRouteFor("/")?.keys).toBeNull();
    expect(staticRouteFor("/services/kk-baru")?.keys).toEqual(["incomplete", "office", "ready"]);
    expect(staticRouteFor("/book/kk-baru/details")?.keys).toEqual(["slot", "checklist", "office"]);
    expect(staticRouteFor("/tempat/kecamatan-utara")?.keys).toBeNull();
    expect(staticRouteFor("/book/kk-baru/standby")).toBeNull();
    expect(staticRouteFor("/booking/ABCD2345/rebook")).toBeNull();
    expect(staticRouteFor("/standby")).toBeNull();
    expect(staticRouteFor("/check")?.keys).toEqual(["reference", "expired"]);
    expect(staticRouteFor("/booking/ABCD2345")).toBeNull();
    expect(staticRouteFor("/services/a/b")).toBeNull();
    expect(staticRouteFor("/services/" + "x".repeat(81))).toBeNull();
  });

  it("keeps only the route's keys, sorted, so the same query is one cache entry", () => {
    const keys = staticRouteFor("/book/kk")!.keys!;
    const a = encodePageState(new URLSearchParams("ready=2&ready=1&date=2026-12-02&utm=x&checklist=confirmed"), keys);
    const b = encodePageState(new URLSearchParams("checklist=confirmed&date=2026-12-02&ready=1&ready=2&ready=1"), keys);
    expect(a).toBe(b);
    expect(decodePageState(a)).toEqual({ checklist: "confirmed", date: "2026-12-02", ready: ["1", "2"] });
    expect(staticPagePath("en", "/book/kk", staticRouteFor("/book/kk")!, new URLSearchParams())).toBe("en/book/kk/_");
    expect(staticPagePath("id", "/", staticRouteFor("/")!, new URLSearchParams("x=1"))).toBe("id");
  });

  it("keeps only values the pages make, so junk values cannot mint cache entries; a typed reference is made canonical", () => {
    const book = staticRouteFor("/book/kk")!.keys!;
    for (const junk of ["checklist=yes", "date=tomorrow", "date=2026-12-02x", "ready=abc", "ready=123", "missing=2", "taken=true"]) {
      expect(encodePageState(new URLSearchParams(junk), book), junk).toBe("_");
    }
    // An impossible place is still an unknown place (the page's 404), all of them one cache entry.
    const unknownPlace = encodePageState(new URLSearchParams("office=-"), book);
    for (const junk of ["office=a/b", "office=%3Cscript%3E", "office=" + "x".repeat(81)]) expect(encodePageState(new URLSearchParams(junk), book), junk).toBe(unknownPlace);
    expect(decodePageState(unknownPlace)).toEqual({ office: "-" });
    const details = staticRouteFor("/book/kk/details")!.keys!;
    expect(encodePageState(new URLSearchParams("slot=2026-12-03_10:00&checklist=confirmed"), details)).not.toBe("_");
    expect(encodePageState(new URLSearchParams("slot=2026-12-03T10:00"), details)).toBe("_");
    const check = staticRouteFor("/check")!.keys!;
    // One cache entry for a reference however it is typed; none for something that cannot be one.
    expect(encodePageState(new URLSearchParams("reference=abcd-2345"), check)).toBe(encodePageState(new URLSearchParams("reference=ABCD2345"), check));
    expect(decodePageState(encodePageState(new URLSearchParams("reference=abcd-2345&expired=1"), check))).toEqual({ reference: "ABCD2345", expired: "1" });
    for (const junk of ["reference=ABCD234I", "reference=ABCD23456", "reference=<script>", "expired=yes"]) expect(encodePageState(new URLSearchParams(junk), check), junk).toBe("_");
  });

  it("drops control characters, oversized and repeated values; refuses segments it never makes", () => {
    const keys = ["reference"];
    expect(encodePageState(new URLSearchParams({ reference: "a\nb" }), keys)).toBe("_");
    expect(encodePageState(new URLSearchParams({ reference: "x".repeat(101) }), keys)).toBe("_");
    const many = new URLSearchParams(Array.from({ length: 100 }, (_, i) => ["ready", String(i)]));
    expect((decodePageState(encodePageState(many, ["ready"]))!.ready as string[]).length).toBe(40);
    expect(decodePageState("_")).toEqual({});
    // The plain form next.config.ts's rewrites make (lib/page-rewrites.ts).
    expect(decodePageState("~checklist=confirmed&slot=2026-12-03_10:00")).toEqual({ checklist: "confirmed", slot: "2026-12-03_10:00" });
    // … as the page gets it: Next percent-encodes a page's params.
    expect(decodePageState(encodeURIComponent("~checklist=confirmed&slot=2026-12-03_10:00"))).toEqual({ checklist: "confirmed", slot: "2026-12-03_10:00" });
    for (const bad of ["", "recover", "q", "q!!", "qa/b", "q" + "a".repeat(4001), "~", "~a/b", "~a=%2F", "~a%3D%2F", "~%E0%A4%A", "~" + "a".repeat(401)]) expect(decodePageState(bad), bad).toBeNull();
  });
});
