import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { auditLogs, bookings, calls, capacityUsages } from "@/db/schema";
import { citizen, type Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { assistBooking } from "@/lib/dal/queue/assist";
import { callNext, recall } from "@/lib/dal/queue/calls";
import { checkInBooking, setPriority } from "@/lib/dal/queue/check-in";
import { getCounterView, listCounters } from "@/lib/dal/queue/counters";
import { getDayOverview } from "@/lib/dal/queue/overview";
import { cancelByStaff, finishService, markNoShow, startService } from "@/lib/dal/queue/service";
import { getSlip } from "@/lib/dal/queue/slip";
import { transfer } from "@/lib/dal/queue/transfer";
import { isAppError } from "@/lib/errors";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TODAY, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { bookToday, kioskActor, type Booked } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

type Op = { name: string; permission: Permission; kiosk?: Permission; officeBound: boolean; run: (actor: Actor | null) => Promise<unknown> };

describe.each(DATABASE_KINDS)("queue permissions on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let booked: Booked;
  const actors: Record<string, Actor | null> = {};
  const db = () => testDb.handle.db;
  const opts = { now: NOW };

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db(), { sessionCapacity: 50, office: { dailyCap: 500 } });
    const other = await createTestOffice(db());
    for (const role of ["operator", "supervisor", "admin"] as const) actors[role] = actorOf(await createTestStaff(db(), t.office.id, { role }));
    actors["kiosk"] = await kioskActor(db(), t.office.id, "kiosk");
    actors["display"] = await kioskActor(db(), t.office.id, "display");
    actors["citizen"] = citizen("127.0.0.1");
    actors["none"] = null;
    actors["other office supervisor"] = actorOf(await createTestStaff(db(), other.office.id, { role: "supervisor" }));
    actors["other office kiosk"] = await kioskActor(db(), other.office.id, "kiosk");
    booked = await bookToday(t, { session: "10:00" });
  });
  afterAll(() => testDb.dispose());

  const ref = () => ({ reference: booked.reference });
  /** officeBound: the target belongs to office t, so another office's actor gets 403. */
  const ops: Op[] = [
    { name: "getDayOverview", permission: "day.view", officeBound: false, run: (a) => getDayOverview(a!, {}, opts) },
    { name: "getSlip", permission: "day.view", officeBound: true, run: (a) => getSlip(a!, ref(), opts) },
    { name: "checkInBooking", permission: "booking.check_in", kiosk: "kiosk.check_in", officeBound: true, run: (a) => checkInBooking(a!, { ...ref(), nik: booked.nik }, opts) },
    { name: "setPriority", permission: "booking.check_in", officeBound: true, run: (a) => setPriority(a!, { ...ref(), reason: "disability" }, opts) },
    { name: "listCounters", permission: "queue.operate", officeBound: false, run: (a) => listCounters(a!, opts) },
    { name: "getCounterView", permission: "queue.operate", officeBound: false, run: (a) => getCounterView(a!, { counterNumber: 1 }, opts) },
    { name: "callNext", permission: "queue.operate", officeBound: true, run: (a) => callNext(a!, { counterId: t.counterIds[0]! }, opts) },
    { name: "recall", permission: "queue.operate", officeBound: true, run: (a) => recall(a!, { ...ref(), counterId: t.counterIds[0]! }, opts) },
    { name: "startService", permission: "queue.operate", officeBound: true, run: (a) => startService(a!, { ...ref(), counterId: t.counterIds[0]! }, opts) },
    { name: "finishService", permission: "queue.operate", officeBound: true, run: (a) => finishService(a!, { ...ref(), counterId: t.counterIds[0]! }, opts) },
    { name: "markNoShow", permission: "queue.operate", officeBound: true, run: (a) => markNoShow(a!, { ...ref(), counterId: t.counterIds[0]! }, opts) },
    { name: "transfer", permission: "queue.operate", officeBound: true, run: (a) => transfer(a!, { ...ref(), toCounterId: t.counterIds[1]! }, opts) },
    { name: "cancelByStaff", permission: "booking.override", officeBound: true, run: (a) => cancelByStaff(a!, ref(), opts) },
    {
      name: "assistBooking",
      permission: "booking.assist",
      officeBound: false,
      run: (a) => assistBooking(a!, { service: "kk", date: TODAY, session: "11:00", nik: adultNik(), name: "Warga Dibantu", phone: "+62" + uniquePhone().slice(1), channel: "walk_in" }, opts),
    },
  ];

  function expected(op: Op, name: string, actor: Actor | null): "allowed" | "unauthorized" | "forbidden" {
    if (!actor || actor.type === "citizen") return "unauthorized";
    const permission = actor.type === "device" && op.kiosk ? op.kiosk : op.permission;
    if (!can(actor, permission)) return "forbidden";
    if (name.startsWith("other office") && op.officeBound) return "forbidden";
    return "allowed";
  }

  async function snapshot() {
    const rows = await db().select().from(bookings);
    const [audits] = await db().select({ n: count() }).from(auditLogs);
    const [callRows] = await db().select({ n: count() }).from(calls);
    const usage = await db().select().from(capacityUsages);
    return { rows: rows.sort((a, b) => a.id.localeCompare(b.id)), audits: audits!.n, calls: callRows!.n, usage: usage.sort((a, b) => `${a.scope}${a.scopeKey}`.localeCompare(`${b.scope}${b.scopeKey}`)) };
  }

  const matrix = ops.flatMap((op) => ["none", "citizen", "display", "kiosk", "operator", "supervisor", "admin", "other office supervisor", "other office kiosk"].map((name) => [op.name, name] as const));

  it.each(matrix)("%s as %s", async (opName, actorName) => {
    const op = ops.find((o) => o.name === opName)!;
    const actor = actors[actorName]!;
    const want = expected(op, actorName, actor);
    const before = await snapshot();
    const outcome = await op.run(actor).then(
      () => "allowed",
      (e: unknown) => (isAppError(e) && (e.code === "unauthorized" || e.code === "forbidden") ? e.code : isAppError(e) ? "allowed" : e),
    );
    expect(outcome).toBe(want);
    if (want !== "allowed") expect(await snapshot()).toEqual(before);
  });

  it("the matrix covers both refusals and permissions for every role", () => {
    const outcomes = new Set(matrix.map(([op, name]) => expected(ops.find((o) => o.name === op)!, name, actors[name]!)));
    expect(outcomes).toEqual(new Set(["allowed", "unauthorized", "forbidden"]));
    expect(expected(ops.find((o) => o.name === "cancelByStaff")!, "operator", actors["operator"]!)).toBe("forbidden");
    expect(expected(ops.find((o) => o.name === "checkInBooking")!, "kiosk", actors["kiosk"]!)).toBe("allowed");
  });
});
