import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLogs, devices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/crypto";
import { ACTIVATION_TTL_MS, activateDevice, createDevice, isDeviceActive, listDevices, reissueDeviceToken, resolveDeviceActor, revokeDevice } from "@/lib/dal/devices";
import { POST as confirmActivation } from "@/app/device/activate/confirm/route";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

describe.each(DATABASE_KINDS)("devices on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let admin: Actor;
  let operator: Actor;
  let supervisor: Actor;
  let otherAdmin: Actor;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    const db = testDb.handle.db;
    t = await createTestOffice(db);
    const other = await createTestOffice(db);
    admin = actorOf(await createTestStaff(db, t.office.id, { role: "admin" }));
    operator = actorOf(await createTestStaff(db, t.office.id, { role: "operator" }));
    supervisor = actorOf(await createTestStaff(db, t.office.id, { role: "supervisor" }));
    otherAdmin = actorOf(await createTestStaff(db, other.office.id, { role: "admin" }));
  });
  afterAll(() => testDb.dispose());

  /** A device whose link was opened on its screen an hour ago: the screen's own token. */
  async function activated(kind: "display" | "kiosk", name: string) {
    const { device, token: link } = await createDevice(admin, { kind, name });
    const screen = await activateDevice({ token: link }, { now: new Date(NOW.getTime() - 3_600_000) });
    return { device, link, token: screen!.token };
  }

  const rows = () => testDb.handle.db.select().from(devices).where(eq(devices.officeId, t.office.id));
  const audits = () => testDb.handle.db.select().from(auditLogs).where(eq(auditLogs.officeId, t.office.id));

  it("lets an admin create a device; the token is returned once and stored only as its hash", async () => {
    const { device, token } = await createDevice(admin, { kind: "display", name: "TV ruang tunggu" });
    expect(token.length).toBeGreaterThanOrEqual(40);
    const [row] = await testDb.handle.db.select().from(devices).where(eq(devices.id, device.id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(device)).not.toContain(row!.tokenHash);
    expect((await listDevices(admin)).map((d) => d.name)).toContain("TV ruang tunggu");
    expect((await audits()).some((a) => a.action === "device.create" && a.details?.deviceId === device.id)).toBe(true);

    // The link's token is not the screen's credential: only what the exchange gives is.
    expect(await resolveDeviceActor({ token }, { now: NOW })).toBeNull();
    const screen = await activateDevice({ token }, { now: NOW });
    const actor = await resolveDeviceActor({ token: screen!.token }, { now: NOW });
    expect(actor).toEqual({ type: "device", deviceId: device.id, officeId: t.office.id, kind: "display" });
  });

  it.each(["operator", "supervisor"] as const)("refuses a %s with 403 and changes nothing", async (role) => {
    const actor = role === "operator" ? operator : supervisor;
    const { device } = await createDevice(admin, { kind: "kiosk", name: `Kiosk ${role}` });
    const before = { devices: await rows(), audits: (await audits()).length };
    await expect(createDevice(actor, { kind: "display", name: "Sneaky" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeDevice(actor, { deviceId: device.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(reissueDeviceToken(actor, { deviceId: device.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listDevices(actor)).rejects.toMatchObject({ code: "forbidden" });
    expect(await rows()).toEqual(before.devices);
    expect((await audits()).length).toBe(before.audits);
  });

  it("keeps offices apart: another office's admin cannot see or revoke the device", async () => {
    const { device, token } = await activated("display", "Lobby");
    expect((await listDevices(otherAdmin)).map((d) => d.id)).not.toContain(device.id);
    await expect(revokeDevice(otherAdmin, { deviceId: device.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await resolveDeviceActor({ token })).not.toBeNull();
  });

  it("stops a revoked device at its next request, with an audit row", async () => {
    const { device, token, link } = await activated("kiosk", "Kiosk pintu masuk");
    expect(await resolveDeviceActor({ token })).not.toBeNull();
    const revoked = await revokeDevice(admin, { deviceId: device.id }, { now: NOW });
    expect(revoked.revokedAt).toBe(NOW.toISOString());
    expect(await resolveDeviceActor({ token })).toBeNull();
    expect(await isDeviceActive(device.id)).toBe(false);
    expect(await activateDevice({ token: link })).toBeNull();
    await expect(reissueDeviceToken(admin, { deviceId: device.id })).rejects.toMatchObject({ code: "not_found" });
    await revokeDevice(admin, { deviceId: device.id }); // idempotent, no second audit row
    expect((await audits()).filter((a) => a.action === "device.revoke" && a.details?.deviceId === device.id)).toHaveLength(1);
  });

  it("makes the activation link single-use: the screen's cookie gets a fresh token", async () => {
    const { device, token: linkToken } = await createDevice(admin, { kind: "kiosk", name: "Kiosk 2" });
    const activated = await activateDevice({ token: linkToken }, { now: NOW });
    expect(activated?.kind).toBe("kiosk");
    expect(activated!.token).not.toBe(linkToken);
    expect(await activateDevice({ token: linkToken })).toBeNull();
    expect(await resolveDeviceActor({ token: linkToken })).toBeNull();
    expect((await resolveDeviceActor({ token: activated!.token }))?.deviceId).toBe(device.id);
    const reissued = await reissueDeviceToken(admin, { deviceId: device.id });
    expect(await resolveDeviceActor({ token: activated!.token })).toBeNull();
    expect((await activateDevice({ token: reissued.token }))?.kind).toBe("kiosk");
  });

  it("an activation link works for three days after it was made, then is refused like a used one", async () => {
    const { device, token: link } = await createDevice(admin, { kind: "display", name: "TV lantai 2" }, { now: NOW });
    const late = new Date(NOW.getTime() + ACTIVATION_TTL_MS + 60_000);
    expect(await activateDevice({ token: link }, { now: late })).toBeNull();
    // Nothing was spent: the device is not active, and the same link still works inside its three days.
    const [row] = await testDb.handle.db.select().from(devices).where(eq(devices.id, device.id));
    expect(row!.tokenHash).toBe(hashToken(link));
    expect(row!.lastSeenAt).toBeNull();
    expect((await activateDevice({ token: link }, { now: new Date(NOW.getTime() + ACTIVATION_TTL_MS - 60_000) }))?.kind).toBe("display");

    // A new link for a screen whose link expired works from the time it is made.
    const other = await createDevice(admin, { kind: "kiosk", name: "Kiosk lantai 2" }, { now: NOW });
    expect(await activateDevice({ token: other.token }, { now: late })).toBeNull();
    const reissued = await reissueDeviceToken(admin, { deviceId: other.device.id }, { now: late });
    expect((await activateDevice({ token: reissued.token }, { now: late }))?.kind).toBe("kiosk");
  });

  it("refuses an activation link that carries no time (made before links expired) or a forged one", async () => {
    const undated = `act_${"x".repeat(43)}`;
    const [row] = await testDb.handle.db
      .insert(devices)
      .values({ officeId: t.office.id, kind: "display", name: "TV lama", tokenHash: hashToken(undated) })
      .returning();
    expect(await activateDevice({ token: undated }, { now: NOW })).toBeNull();
    // Another time in a real link's place does not match its stored hash.
    const { token: link } = await createDevice(admin, { kind: "display", name: "TV palsu" }, { now: NOW });
    const forged = link.replace(/^act_[0-9a-z]+_/, `act_${Date.now().toString(36)}_`);
    expect(forged).not.toBe(link);
    expect(await activateDevice({ token: forged })).toBeNull();
    expect(await resolveDeviceActor({ token: undated })).toBeNull();
    const [after] = await testDb.handle.db.select().from(devices).where(eq(devices.id, row!.id));
    expect([after!.tokenHash, after!.lastSeenAt]).toEqual([hashToken(undated), null]);
  });

  it("the activation page's button posts the link's token: 303 home with the screen's cookie; a post from another site is refused", async () => {
    const { token: link } = await createDevice(admin, { kind: "kiosk", name: "Kiosk 3" });
    const post = (origin: string | null) =>
      confirmActivation(
        new Request("http://localhost:3000/device/activate/confirm", {
          method: "POST",
          headers: { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) },
          body: new URLSearchParams({ token: link }),
        }),
      );
    expect((await post("https://evil.example")).status).toBe(403);
    const done = await post("http://localhost:3000");
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/kiosk");
    expect(done.headers.get("set-cookie")).toMatch(/^antrean_device=[\w-]{40,};/);
    expect(done.headers.get("set-cookie")).not.toContain(link);
    // Once only.
    expect((await post("http://localhost:3000")).headers.get("location")).toBe("/display?activation=failed");
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const { device, token } = await activated("display", "TV 2");
    const seen = async () => (await testDb.handle.db.select().from(devices).where(eq(devices.id, device.id)))[0]!.lastSeenAt?.toISOString();
    expect(await seen()).toBe(new Date(NOW.getTime() - 3_600_000).toISOString());
    await resolveDeviceActor({ token }, { now: NOW });
    await resolveDeviceActor({ token }, { now: new Date(NOW.getTime() + 30_000) });
    expect(await seen()).toBe(NOW.toISOString());
    const later = new Date(NOW.getTime() + 61_000);
    await resolveDeviceActor({ token }, { now: later });
    expect(await seen()).toBe(later.toISOString());
  });

  it("ignores missing, unknown and oversized tokens", async () => {
    expect(await resolveDeviceActor({ token: undefined })).toBeNull();
    expect(await resolveDeviceActor({ token: "" })).toBeNull();
    expect(await resolveDeviceActor({ token: "not-a-token" })).toBeNull();
    expect(await resolveDeviceActor({ token: "x".repeat(5000) })).toBeNull();
  });
});
