import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { forms, offices, requirementForms, serviceRequirements, services, type Service } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { getDb } from "../db";
import { AppError, pgErrorCode, type FieldErrors } from "../errors";
import type { DocumentCopy, RequirementKind } from "../requirements";
import type { CreateServiceInput, RequirementInput, ServiceInput } from "../validation/services";
import { writeAudit } from "./audit";
import { commandOffice, withDefaults, type CommandOptions, type OfficeRef } from "./command-options";
import { invalidateReads } from "./read-cache";

export type AdminServiceRow = Pick<Service, "slug" | "name" | "nameEn" | "category" | "categoryEn" | "queueLetter" | "dailyCap" | "isActive" | "position"> & { requirementCount: number };
export type AdminRequirement = { text: string; textEn: string | null; kind: RequirementKind; copy: DocumentCopy | null; copies: number | null; position: number; formId: string | null };
export type AdminService = ServiceInput & { slug: string; isActive: boolean; requirements: AdminRequirement[] };

const SERVICE_FIELDS = ["name", "nameEn", "category", "categoryEn", "queueLetter", "minAge", "maxAge", "eligibilityNote", "eligibilityNoteEn", "dailyCap", "position"] as const;

/** Every service of the office, inactive ones too, in the home page's order. */
export async function listAdminServices(actor: Actor, input: OfficeRef = {}): Promise<AdminServiceRow[]> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const db = await getDb();
  return db
    .select({
      slug: services.slug,
      name: services.name,
      nameEn: services.nameEn,
      category: services.category,
      categoryEn: services.categoryEn,
      queueLetter: services.queueLetter,
      dailyCap: services.dailyCap,
      isActive: services.isActive,
      position: services.position,
      requirementCount: sql<number>`(select count(*)::int from ${serviceRequirements} where ${serviceRequirements.serviceId} = ${services.id})`,
    })
    .from(services)
    .where(eq(services.officeId, officeId))
    .orderBy(asc(services.position), asc(services.name));
}

export async function getAdminService(actor: Actor, input: { slug: string } & OfficeRef): Promise<AdminService> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const db = await getDb();
  const service = await findService(db, officeId, input.slug);
  const rows = await db.select().from(serviceRequirements).where(eq(serviceRequirements.serviceId, service.id)).orderBy(asc(serviceRequirements.position));
  const links = rows.length ? await db.select().from(requirementForms).where(inArray(requirementForms.requirementId, rows.map((r) => r.id))) : [];
  return {
    ...pickService(service),
    slug: service.slug,
    isActive: service.isActive,
    requirements: rows.map((r) => ({ text: r.text, textEn: r.textEn, kind: r.kind, copy: r.copy, copies: r.copies, position: r.position, formId: links.find((l) => l.requirementId === r.id)?.formId ?? null })),
  };
}

async function findService(db: Executor, officeId: string, slug: string, lock = false): Promise<Service> {
  const query = db.select().from(services).where(and(eq(services.officeId, officeId), eq(services.slug, slug)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found", "error.pageNotFound");
  return row;
}

function pickService(s: ServiceInput | Service): ServiceInput {
  return Object.fromEntries(SERVICE_FIELDS.map((k) => [k, s[k]])) as ServiceInput;
}

/**
 * A queue letter belongs to one category of the office (the services of a category share it, as the office's
 * tickets do): using a letter another category has is a 409. Checked under the office row's lock, so two
 * admins cannot take one letter for two categories at once.
 */
async function assertLetterFree(tx: Executor, officeId: string, input: ServiceInput, exceptId?: string): Promise<void> {
  await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, officeId)).for("update");
  const [clash] = await tx
    .select({ category: services.category })
    .from(services)
    .where(and(eq(services.officeId, officeId), eq(services.queueLetter, input.queueLetter), ne(services.category, input.category), exceptId ? ne(services.id, exceptId) : undefined))
    .limit(1);
  if (clash) {
    throw new AppError("duplicate", "error.service.letterTaken", { fields: { queueLetter: ["field.service.letterTaken"] }, params: { category: clash.category } });
  }
}

/** Database refusals as form errors: a taken slug (409), a CHECK constraint (422). */
function translateDbError(error: unknown): never {
  const { code } = pgErrorCode(error);
  if (code === "23505") throw new AppError("duplicate", "error.service.slugTaken", { fields: { slug: ["field.service.slugTaken"] } });
  if (code === "23514") throw new AppError("validation", "error.validation", { fields: { _: ["field.invalid"] } });
  throw error;
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    invalidateReads("settings", "usage", "full");
    return result;
  } catch (error) {
    translateDbError(error);
  }
}

/** A service of the actor's office (or of the office `officeId` names), by its slug. */
export type ServiceRef = { slug: string; officeId?: string };

export async function createService(actor: Actor, input: CreateServiceInput & { officeId?: string }, options: CommandOptions = {}): Promise<{ slug: string }> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const { now } = withDefaults(options);
  const db = await getDb();
  return run(() =>
    db.transaction(async (tx) => {
      await assertLetterFree(tx, officeId, input);
      const [row] = await tx
        .insert(services)
        .values({ officeId, slug: input.slug, ...pickService(input), createdAt: now, updatedAt: now })
        .returning({ id: services.id, slug: services.slug });
      await writeAudit(tx, { officeId, actor, action: "service.create", details: { slug: row!.slug, after: pickService(input) } });
      return { slug: row!.slug };
    }),
  );
}

export async function updateService(actor: Actor, input: ServiceInput & ServiceRef, options: CommandOptions = {}): Promise<void> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const { now } = withDefaults(options);
  const { slug } = input;
  const db = await getDb();
  await run(() =>
    db.transaction(async (tx) => {
      const service = await findService(tx, officeId, slug, true);
      await assertLetterFree(tx, officeId, input, service.id);
      const before = pickService(service);
      const changed = SERVICE_FIELDS.filter((k) => before[k] !== input[k]);
      if (changed.length === 0) return;
      await tx.update(services).set({ ...pickService(input), updatedAt: now }).where(eq(services.id, service.id));
      const pick = (s: ServiceInput) => Object.fromEntries(changed.map((k) => [k, s[k]]));
      await writeAudit(tx, { officeId, actor, action: "service.update", details: { slug, before: pick(before), after: pick(input) } });
    }),
  );
}

/** Deactivating hides the service from citizens and new bookings; existing bookings stay as they are. */
export async function setServiceActive(actor: Actor, input: ServiceRef & { active: boolean }, options: CommandOptions = {}): Promise<void> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const { now } = withDefaults(options);
  const { slug, active } = input;
  const db = await getDb();
  await run(() =>
    db.transaction(async (tx) => {
      const service = await findService(tx, officeId, slug, true);
      if (service.isActive === active) return;
      await tx.update(services).set({ isActive: active, updatedAt: now }).where(eq(services.id, service.id));
      await writeAudit(tx, { officeId, actor, action: active ? "service.activate" : "service.deactivate", details: { slug } });
    }),
  );
}

/** Replaces the service's requirements with these rows, in order; each may link one of the office's forms. */
export async function replaceRequirements(actor: Actor, input: ServiceRef & { requirements: RequirementInput[] }, _options: CommandOptions = {}): Promise<void> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const { slug, requirements: rows } = input;
  const db = await getDb();
  await run(() =>
    db.transaction(async (tx) => {
      const service = await findService(tx, officeId, slug, true);
      const formIds = [...new Set(rows.map((r) => r.form).filter((f): f is string => !!f))];
      if (formIds.length) {
        const known = await tx.select({ id: forms.id }).from(forms).where(and(eq(forms.officeId, officeId), inArray(forms.id, formIds)));
        const unknown = rows.findIndex((r) => r.form && !known.some((k) => k.id === r.form));
        if (unknown >= 0) throw new AppError("validation", "error.validation", { fields: { [`r${unknown}.form`]: ["field.form.unknown"] } as FieldErrors });
      }
      const previous = await tx.select().from(serviceRequirements).where(eq(serviceRequirements.serviceId, service.id)).orderBy(asc(serviceRequirements.position));
      await tx.delete(serviceRequirements).where(eq(serviceRequirements.serviceId, service.id));
      for (const [position, r] of rows.entries()) {
        const isDocument = r.kind === "document";
        const [row] = await tx
          .insert(serviceRequirements)
          .values({ serviceId: service.id, position, text: r.text, textEn: r.textEn, kind: r.kind, copy: isDocument ? (r.copy ?? null) : null, copies: isDocument ? r.copies : null })
          .returning({ id: serviceRequirements.id });
        if (r.form) await tx.insert(requirementForms).values({ requirementId: row!.id, formId: r.form });
      }
      const summary = (list: { text: string; kind: string }[]) => list.map((r) => `${r.kind}: ${r.text}`);
      await writeAudit(tx, { officeId, actor, action: "service.requirements_update", details: { slug, before: summary(previous), after: summary(rows) } });
    }),
  );
}
