import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { staffClientMessages } from "@/components/staff/staff-messages";
import type { StaffRole } from "@/db/schema";
import type { StaffActor } from "@/lib/auth/actor";
import { messages } from "@/lib/i18n/messages";
import { PRIORITY_LABEL, STATUS_LABEL } from "@/lib/queue-labels";

const staff = (role: StaffRole): StaffActor => ({ type: "staff", staffId: "s", officeId: "o", role, name: "N", email: "n@example.test" });

/**
 * Each staff client component and the least role that opens a page showing it. The layout must have sent
 * every key the component reads, to that role, or the label would show as its key.
 */
const COMPONENTS: Record<string, StaffRole | null> = {
  "components/staff/login-form.tsx": null,
  "components/queue/counter-panel.tsx": "operator",
  "components/queue/counter-citizen.tsx": "operator",
  "components/queue/check-in-form.tsx": "operator",
  "components/queue/check-in-result.tsx": "operator",
  "components/queue/camera-scanner.tsx": "operator",
  "components/queue/assist-form.tsx": "operator",
  "components/queue/cancel-form.tsx": "supervisor",
  "components/outage/outage-form.tsx": "supervisor",
  "components/schedule/schedule-form.tsx": "supervisor",
  "components/outbox/resend-form.tsx": "supervisor",
  "components/devices/create-device-form.tsx": "admin",
  "components/devices/device-actions.tsx": "admin",
  "components/devices/activation-link.tsx": "admin",
  "components/api-keys/api-key-forms.tsx": "admin",
  "components/staff/admin/settings-form.tsx": "admin",
  "components/staff/admin/template-form.tsx": "admin",
  "components/staff/users/create-staff-form.tsx": "admin",
  "components/staff/users/staff-account-forms.tsx": "admin",
};

/** The keys a file reads: `t("a.b")` exactly, and `t(\`a.b.${x}\`)` as every key under "a.b.". */
function keysRead(source: string): string[] {
  const exact = [...source.matchAll(/\bt\("([\w.]+)"/g)].map((m) => m[1]!);
  const prefixes = [...source.matchAll(/\bt\(`([\w.]+\.)\$\{/g)].map((m) => m[1]!);
  return [...exact, ...prefixes.flatMap((prefix) => Object.keys(messages.id).filter((key) => key.startsWith(prefix)))];
}

describe("staffClientMessages", () => {
  it.each(Object.entries(COMPONENTS))("%s reads only keys its least role is sent", (file, role) => {
    const source = readFileSync(file, "utf8");
    expect(source).toContain("useT()");
    const keys = keysRead(source);
    expect(keys.length).toBeGreaterThan(0);
    const sent = staffClientMessages("en", role ? staff(role) : null).en!;
    for (const key of keys) expect(sent[key], key).toBe(messages.en[key as keyof typeof messages.en]);
    // A value from the schema modules would carry the database layer into the browser (+65 kB once).
    expect(source).not.toMatch(/^import (?!type )[^;]*from "@\/db\//m);
  });

  it("sends the desks the labels they look up by value: the statuses at the counter, every priority reason", () => {
    const sent = staffClientMessages("id", staff("operator")).id!;
    for (const key of [STATUS_LABEL.called, STATUS_LABEL.serving, ...Object.values(PRIORITY_LABEL), "queue.priority.badge"]) expect(sent, key).toHaveProperty([key]);
  });

  it("sends each role its own tier and those below, never a higher one's", () => {
    const count = (actor: StaffActor | null) => Object.keys(staffClientMessages("id", actor).id!).length;
    expect(count(null)).toBeLessThan(count(staff("operator")));
    expect(count(staff("operator"))).toBeLessThan(count(staff("supervisor")));
    expect(count(staff("supervisor"))).toBeLessThan(count(staff("admin")));
    expect(staffClientMessages("id", staff("operator")).id).not.toHaveProperty("outage.submit");
    expect(staffClientMessages("id", staff("supervisor")).id).not.toHaveProperty("devices.admin.create");
    expect(staffClientMessages("id", staff("admin")).id).toHaveProperty("devices.admin.create");
    expect(staffClientMessages("id", null).id).not.toHaveProperty("counter.callNext");
  });

  it("sends one language, and a small part of the dictionary even to an admin", () => {
    const sent = staffClientMessages("en", staff("admin"));
    expect(Object.keys(sent)).toEqual(["en"]);
    expect(Object.keys(sent.en!).length).toBeLessThan(Object.keys(messages.en).length / 8);
  });
});
