import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportGet } from "@/app/api/v1/reports/export.csv/route";
import { GET as summaryGet } from "@/app/api/v1/reports/summary/route";
import { GET as servicesGet } from "@/app/api/v1/services/route";
import { GET as transparencyGet } from "@/app/api/v1/transparency/route";
import { createApiKey } from "@/lib/dal/api-keys";
import { apiGet, disposeApiTestDatabase, read, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { createTestOffice, TODAY, type TestOffice } from "../helpers/fixtures";
import { bookToday } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

/** Reports per place over the API: the organisation's key reads its service points; a place's key only itself. */
describe.each(DATABASE_KINDS)("the reports API per place on %s", (kind) => {
  let testDb: TestDatabase;
  let main: TestOffice;
  let point: TestOffice;
  let training: TestOffice;
  let mainKey: string;
  let pointKey: string;
  const db = () => testDb.handle.db;
  const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });
  const range = `from=${TODAY}&to=${TODAY}`;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    main = await createTestOffice(db());
    point = await createTestOffice(db(), { office: { parentId: main.office.id, name: "MPP Uji" } });
    training = await createTestOffice(db(), { office: { parentId: main.office.id, isTraining: true, isPublic: false } });
    mainKey = (await createApiKey(actorOf(await createTestStaff(db(), main.office.id, { role: "admin" })), { name: "Dinas", scopes: ["reports"] })).key;
    pointKey = (await createApiKey(actorOf(await createTestStaff(db(), point.office.id, { role: "admin" })), { name: "MPP", scopes: ["reports"] })).key;
    await bookToday(main);
    await bookToday(point);
    await bookToday(point);
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  it("gives the main office's key any of its service points, in JSON and CSV", async () => {
    const summary = await read(summaryGet(apiGet(`/api/v1/reports/summary?${range}&office=${point.office.slug}`, bearer(mainKey))));
    expect(summary.status).toBe(200);
    expect(summary.json).toMatchObject({ office: { slug: point.office.slug }, total: { booked: 2 } });
    const csv = await exportGet(apiGet(`/api/v1/reports/export.csv?${range}&office=${point.office.slug}`, bearer(mainKey)));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain(`laporan-${point.office.slug}-`);
    const own = await read(summaryGet(apiGet(`/api/v1/reports/summary?${range}`, bearer(mainKey))));
    expect(own.json).toMatchObject({ office: { slug: main.office.slug }, total: { booked: 1 } });
  });

  it("refuses a service point's key the main office, and everyone the training place; garbage is a 422", async () => {
    expect((await read(summaryGet(apiGet(`/api/v1/reports/summary?${range}&office=${main.office.slug}`, bearer(pointKey))))).status).toBe(403);
    expect((await read(exportGet(apiGet(`/api/v1/reports/export.csv?${range}&office=${main.office.slug}`, bearer(pointKey))))).status).toBe(403);
    const trainingReport = await read(summaryGet(apiGet(`/api/v1/reports/summary?${range}&office=${training.office.slug}`, bearer(mainKey))));
    expect(trainingReport.status).toBe(422);
    expect(trainingReport.json.error!.fields).toHaveProperty("office");
    for (const office of ["%3Cscript%3E", "x".repeat(200), "..%2Fkota-bogor"]) {
      expect((await read(summaryGet(apiGet(`/api/v1/reports/summary?${range}&office=${office}`, bearer(mainKey))))).status, office).toBe(422);
    }
  });

  it("answers a hidden place in the public API exactly as an unknown office", async () => {
    const hidden = await read(servicesGet(apiGet(`/api/v1/services?office=${training.office.slug}`)));
    const unknown = await read(servicesGet(apiGet(`/api/v1/services?office=no-such-place`)));
    expect(hidden.status).toBe(422);
    expect(hidden.json).toEqual(unknown.json);
    expect((await read(transparencyGet(apiGet(`/api/v1/transparency?office=${training.office.slug}`)))).status).toBe(422);
    expect((await read(servicesGet(apiGet(`/api/v1/services?office=${point.office.slug}`)))).status).toBe(200);
  });
});
