import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withFreshReference } from "@/lib/dal/citizen-entries";
import { isAppError } from "@/lib/errors";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";

/**
 * Every path that writes a booking or an entry draws a random reference and must survive the rare draw that
 * is already taken (standby, lottery, standby acceptance, priority rebooking share withFreshReference). The
 * unique indexes are real ones, on a table of the test database shaped like theirs.
 */
describe.each(DATABASE_KINDS)("a fresh reference on %s", (kind) => {
  let testDb: TestDatabase;
  const constraints = { reference: "probe_reference_uq", personDay: "probe_person_day_uq" };

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    await testDb.handle.run(
      "create table probe (reference text not null constraint probe_reference_uq unique, person text not null constraint probe_person_day_uq unique)",
      [],
    );
    await testDb.handle.run("insert into probe (reference, person) values ('TAKEN001', 'someone'), ('TAKEN002', 'someone else')", []);
  });
  afterAll(() => testDb.dispose());

  const insert = (person: string) => async (reference: string) => {
    await testDb.handle.run("insert into probe (reference, person) values ($1, $2)", [reference, person]);
    return reference;
  };
  const draws = (...references: string[]) => {
    const left = [...references];
    return () => left.shift()!;
  };
  const rows = async () => (await testDb.handle.run("select reference, person from probe order by reference", [])).map((r) => `${r.reference}:${r.person}`);

  it("draws again when the reference is taken, and writes once", async () => {
    expect(await withFreshReference(constraints, "error.duplicate", insert("ani"), draws("TAKEN001", "TAKEN002", "FRESH001"))).toBe("FRESH001");
    expect(await rows()).toEqual(["FRESH001:ani", "TAKEN001:someone", "TAKEN002:someone else"]);
  });

  it("the person's second entry of the day is a 409 duplicate in the caller's words, not a 500", async () => {
    const error = await withFreshReference(constraints, "standby.error.duplicate", insert("ani"), draws("FRESH002")).catch((e: unknown) => e);
    expect(isAppError(error) && { code: error.code, status: error.status, messageKey: error.messageKey }).toEqual({
      code: "duplicate",
      status: 409,
      messageKey: "standby.error.duplicate",
    });
  });

  it("gives up after four taken draws with the database's error, having written nothing", async () => {
    const before = await rows();
    const error = await withFreshReference(constraints, "error.duplicate", insert("budi"), draws("TAKEN001", "TAKEN002", "TAKEN001", "TAKEN002", "FRESH003")).catch(
      (e: unknown) => e,
    );
    expect(isAppError(error)).toBe(false);
    expect(String((error as { message?: string }).message)).toMatch(/probe_reference_uq/);
    expect(await rows()).toEqual(before);
  });
});
