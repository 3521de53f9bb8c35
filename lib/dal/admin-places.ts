import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { counterServices, counters, dateOverrides, offices, staffUsers, weeklySessions, type Office, type StaffRole } from "@/db/schema";
import { copyCatalogue } from "@/db/seed/copy-catalogue";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { localDate } from "../dates";
import { getDb } from "../db";
import { AppError, notFound, pgErrorCode } from "../errors";
import type { CreatePlaceInput, CreatePlaceStaffInput, PlaceInput, SetPlaceSwitchInput } from "../validation/places";
import { writeAudit } from "./audit";
import { withDefaults, type CommandOptions } from "./command-options";
import { placeFacts, type PlaceFacts } from "./places";
import { invalidateReads } from "./read-cache";
import { hashStaffPassword, unsafeInsertStaff, type StaffUserDTO } from "./staff-users";

/** A service point as the main office's admin manages it. */
export type AdminPlace = PlaceFacts & { isPublic: boolean; position: number };
export type AdminPlaceDetail = AdminPlace & {
  staff: Pick<StaffUserDTO, "id" | "name" | "email" | "role" | "isActive">[];
  /** Its first staff account may be created here while it has no active admin of its own. */
  canCreateFirstStaff: boolean;
};

const PLACE_FIELDS = ["name", "nameEn", "shortName", "address", "mapUrl", "isPublic", "isTraining", "placePosition"] as const;

function toAdminPlace(office: Office): AdminPlace {
  return { ...placeFacts(office), isPublic: office.isPublic, position: office.placePosition };
}

function placeValues(input: PlaceInput) {
  const { position, ...rest } = input;
  return { ...rest, placePosition: position };
}

/**
 * The actor's own office, which must be the organisation's main office (no parent): places are managed by
 * the main office's admins only. An admin of a service point, a supervisor or an operator: 403.
 */
async function requireMainOffice(actor: Actor, executor: Executor): Promise<Office> {
  const officeId = actor.type === "staff" ? actor.officeId : undefined;
  assertCan(actor, "places.manage", officeId);
  if (!officeId) throw new AppError("forbidden", "error.forbidden");
  const [own] = await executor.select().from(offices).where(eq(offices.id, officeId));
  if (!own || own.parentId !== null) throw new AppError("forbidden", "error.forbidden");
  return own;
}

/** Whether the actor may open the places pages: an admin of the main office (pages answer 403 otherwise). */
export async function canManagePlaces(actor: Actor): Promise<boolean> {
  try {
    await requireMainOffice(actor, await getDb());
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.status === 403 || error.status === 401)) return false;
    throw error;
  }
}

async function lockPlace(tx: Executor, main: Office, slug: string): Promise<Office> {
  const [place] = await tx.select().from(offices).where(and(eq(offices.parentId, main.id), eq(offices.slug, slug))).for("update");
  if (!place) throw notFound("error.pageNotFound");
  return place;
}

/** The main office's service points, in the citizens' order. */
export async function listAdminPlaces(actor: Actor): Promise<AdminPlace[]> {
  const db = await getDb();
  const main = await requireMainOffice(actor, db);
  const rows = await db.select().from(offices).where(eq(offices.parentId, main.id)).orderBy(asc(offices.placePosition), asc(offices.name));
  return rows.map(toAdminPlace);
}

export async function getAdminPlace(actor: Actor, input: { slug: string }): Promise<AdminPlaceDetail> {
  const db = await getDb();
  const main = await requireMainOffice(actor, db);
  const [place] = await db.select().from(offices).where(and(eq(offices.parentId, main.id), eq(offices.slug, input.slug)));
  if (!place) throw notFound("error.pageNotFound");
  const staff = await db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, role: staffUsers.role, isActive: staffUsers.isActive })
    .from(staffUsers)
    .where(eq(staffUsers.officeId, place.id))
    .orderBy(asc(sql`lower(${staffUsers.name})`));
  return { ...toAdminPlace(place), staff, canCreateFirstStaff: !staff.some((s) => s.role === "admin" && s.isActive) };
}

const slugTaken = () => new AppError("duplicate", "places.error.slugTaken", { fields: { slug: ["field.place.slugTaken"] } });

function asPlaceError(error: unknown): unknown {
  const { code, constraint } = pgErrorCode(error);
  if (code === "23505" && constraint === "offices_slug_uq") return slugTaken();
  if (code === "23514" && constraint === "offices_map_url_ck") return new AppError("validation", "error.validation", { fields: { mapUrl: ["field.place.mapUrl"] } });
  if (code === "23514") return new AppError("validation", "error.validation", { fields: { _: ["field.invalid"] } });
  return error;
}

/**
 * A new service point under the main office. With `copyCatalogue` it starts usable: the main office's forms,
 * services and requirements, its weekly sessions and its coming holidays are copied, and one counter serves
 * every copied service. One transaction with its audit row; a taken slug is a 409 and nothing is written.
 */
export async function createPlace(actor: Actor, input: CreatePlaceInput, options: CommandOptions = {}): Promise<{ slug: string }> {
  const { now } = withDefaults(options);
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const main = await requireMainOffice(actor, tx);
      const [place] = await tx
        .insert(offices)
        .values({
          slug: input.slug,
          ...placeValues(input),
          parentId: main.id,
          timezone: main.timezone,
          regionCode: main.regionCode,
          openWeekdays: main.openWeekdays,
          observesNationalHolidays: main.observesNationalHolidays,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const copied = input.copyCatalogue ? await copyFromMain(tx, main, place!.id, now) : { services: 0, sessions: 0, holidays: 0 };
      await writeAudit(tx, { officeId: main.id, actor, action: "place.create", details: { slug: input.slug, before: null, after: { ...placeValues(input), copied } } });
    });
  } catch (error) {
    throw asPlaceError(error);
  }
  invalidateReads("settings");
  return { slug: input.slug };
}

async function copyFromMain(tx: Executor, main: Office, placeId: string, now: Date): Promise<{ services: number; sessions: number; holidays: number }> {
  const byLetter = await copyCatalogue(tx, main.id, placeId);
  const serviceIds = [...byLetter.values()].flat();
  const sessions = await tx.select().from(weeklySessions).where(eq(weeklySessions.officeId, main.id));
  if (sessions.length > 0) {
    await tx.insert(weeklySessions).values(sessions.map(({ id: _id, officeId: _o, ...s }) => ({ ...s, officeId: placeId })));
  }
  const holidays = await tx
    .select()
    .from(dateOverrides)
    .where(and(eq(dateOverrides.officeId, main.id), eq(dateOverrides.kind, "closed"), eq(dateOverrides.isHoliday, true), gte(dateOverrides.date, localDate(now, main.timezone))));
  if (holidays.length > 0) {
    await tx.insert(dateOverrides).values(holidays.map(({ id: _id, officeId: _o, ...h }) => ({ ...h, officeId: placeId })));
  }
  const [counter] = await tx.insert(counters).values({ officeId: placeId, number: 1, name: "Loket 1" }).returning({ id: counters.id });
  if (serviceIds.length > 0) await tx.insert(counterServices).values(serviceIds.map((serviceId) => ({ counterId: counter!.id, serviceId })));
  return { services: serviceIds.length, sessions: sessions.length, holidays: holidays.length };
}

/** A service point of the actor's organisation, by its slug. */
export type PlaceRef = { place: string };

/** Edits a place's public details; audited with the changed values before and after. */
export async function updatePlace(actor: Actor, input: PlaceInput & PlaceRef, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  const { place: slug, ...details } = input;
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const main = await requireMainOffice(actor, tx);
      const place = await lockPlace(tx, main, slug);
      const values = placeValues(details);
      const changed = PLACE_FIELDS.filter((k) => place[k] !== values[k]);
      if (changed.length === 0) return;
      await tx.update(offices).set({ ...values, updatedAt: now }).where(eq(offices.id, place.id));
      await writeAudit(tx, {
        officeId: main.id,
        actor,
        action: "place.update",
        details: { slug, before: Object.fromEntries(changed.map((k) => [k, place[k]])), after: Object.fromEntries(changed.map((k) => [k, values[k]])) },
      });
    });
  } catch (error) {
    throw asPlaceError(error);
  }
  invalidateReads("settings");
}

/** Lists a place to citizens (or hides it), or marks it as the training place (or not). */
export async function setPlaceSwitch(actor: Actor, input: SetPlaceSwitchInput & PlaceRef, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  const slug = input.place;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const main = await requireMainOffice(actor, tx);
    const place = await lockPlace(tx, main, slug);
    if (place[input.field] === input.value) return;
    await tx.update(offices).set({ [input.field]: input.value, updatedAt: now }).where(eq(offices.id, place.id));
    await writeAudit(tx, { officeId: main.id, actor, action: "place.switch", details: { slug, before: { [input.field]: place[input.field] }, after: { [input.field]: input.value } } });
  });
  invalidateReads("settings");
}

/**
 * The place's first staff account (an admin or a supervisor of that place), created by the main office's
 * admin while the place has no active admin; after that the place's own admin manages its staff (409).
 * Same password rules and argon2 hash as every account; audited in both offices.
 */
export async function createPlaceStaff(actor: Actor, input: CreatePlaceStaffInput & PlaceRef, options: CommandOptions = {}): Promise<StaffUserDTO> {
  const { now } = withDefaults(options);
  const slug = input.place;
  const db = await getDb();
  await requireMainOffice(actor, db);
  const passwordHash = await hashStaffPassword(input.password);
  return db.transaction(async (tx) => {
    const main = await requireMainOffice(actor, tx);
    const place = await lockPlace(tx, main, slug);
    const [admin] = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.officeId, place.id), eq(staffUsers.role, "admin" satisfies StaffRole), eq(staffUsers.isActive, true)))
      .limit(1);
    if (admin) throw new AppError("duplicate", "places.error.hasAdmin");
    const created = await unsafeInsertStaff(tx, actor, place.id, input, passwordHash, { now, via: "places" });
    await writeAudit(tx, { officeId: main.id, actor, action: "place.staff_create", details: { slug, before: null, after: { staffId: created.id, email: created.email, role: created.role } } });
    return created;
  });
}
