import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

const OFFICE = "11111111-1111-4111-8111-111111111111";
const OTHER_OFFICE = "22222222-2222-4222-8222-222222222222";

const staff = (role: "operator" | "supervisor" | "admin"): Actor => ({ type: "staff", staffId: "s", officeId: OFFICE, role, ip: null });
const apiKey = (scope: "booking" | "admin" | "reports"): Actor => ({ type: "api_key", apiKeyId: "k", officeId: OFFICE, scopes: [scope], ip: null });
const device = (kind: "display" | "kiosk"): Actor => ({ type: "device", deviceId: "d", officeId: OFFICE, kind, ip: null });

/** The whole table, written out: a permission added to a role by accident fails here. */
const EXPECTED: Record<string, Permission[]> = {
  operator: ["day.view", "booking.check_in", "booking.assist", "queue.operate"],
  supervisor: ["day.view", "booking.check_in", "booking.assist", "queue.operate", "booking.override", "reports.view", "audit.view", "messages.manage", "schedule.close_session", "outage.manage"],
  admin: [
    "day.view",
    "booking.check_in",
    "booking.assist",
    "queue.operate",
    "booking.override",
    "reports.view",
    "audit.view",
    "messages.manage",
    "schedule.close_session",
    "outage.manage",
    "devices.manage",
    "staff.manage",
    "settings.manage",
    "api_keys.manage",
    "schedule.manage",
    "places.manage",
  ],
  display: ["display.view"],
  "reports key": ["reports.view"],
  "booking key": ["booking.assist"],
  "admin key": ["day.view", "reports.view", "settings.manage", "schedule.manage", "outage.manage"],
  kiosk: ["kiosk.check_in", "display.view", "survey.record"],
};

const ACTORS: [string, Actor][] = [
  ["operator", staff("operator")],
  ["supervisor", staff("supervisor")],
  ["admin", staff("admin")],
  ["display", device("display")],
  ["kiosk", device("kiosk")],
  ["reports key", apiKey("reports")],
  ["booking key", apiKey("booking")],
  ["admin key", apiKey("admin")],
];

function outcome(actor: Actor | null, permission: Permission, officeId?: string): "ok" | 401 | 403 {
  try {
    assertCan(actor, permission, officeId);
    return "ok";
  } catch (error) {
    if (error instanceof AppError && (error.status === 401 || error.status === 403)) return error.status;
    throw error;
  }
}

describe("role × permission matrix", () => {
  for (const [name, actor] of ACTORS) {
    it.each(PERMISSIONS)(`${name} → %s`, (permission) => {
      const allowed = EXPECTED[name]!.includes(permission);
      expect(can(actor, permission)).toBe(allowed);
      expect(outcome(actor, permission, OFFICE)).toBe(allowed ? "ok" : 403);
    });
  }

  it.each(PERMISSIONS)("anonymous and citizens get 401 for %s", (permission) => {
    expect(outcome(null, permission)).toBe(401);
    expect(outcome({ type: "citizen", ip: "192.0.2.1" }, permission, OFFICE)).toBe(401);
    expect(can(null, permission)).toBe(false);
  });

  it.each(ACTORS)("%s gets 403 in another office, even for its own permissions", (name, actor) => {
    for (const permission of EXPECTED[name]!) expect(outcome(actor, permission, OTHER_OFFICE)).toBe(403);
  });

  it("lets the system actor do everything (jobs such as expiry)", () => {
    for (const permission of PERMISSIONS) expect(outcome({ type: "system" }, permission, OFFICE)).toBe("ok");
  });
});
