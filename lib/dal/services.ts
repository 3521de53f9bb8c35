import "server-only";
import { and, asc, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { forms, offices, requirementForms, serviceRequirements, services, type Office, type Service } from "@/db/schema";
import { getDb } from "../db";
import { AppError } from "../errors";
import { formFilePath } from "../form-file";
import { localized, localizedOrNull, type Localized } from "../i18n/content";
import type { Locale } from "../i18n/messages";
import type { DocumentCopy, RequirementKind } from "../requirements";
import { cachedRead } from "./read-cache";
import { withDefaults, type CommandOptions } from "./command-options";

/** `url`: the office's uploaded PDF (its stable address here) when there is one, else the link it gave. */
export type FormDTO = { slug: string; name: Localized; url: string; description: Localized | null };
/** `copy` and `copies` only for documents, and only where the office says. */
export type RequirementDTO = { text: Localized; kind: RequirementKind; copy: DocumentCopy | null; copies: number | null; forms: FormDTO[] };
export type ServiceDTO = {
  slug: string;
  name: Localized;
  /** The category's Indonesian name: the stable key the home page groups by. */
  categoryKey: string;
  category: Localized;
  queueLetter: string;
  minAge: number | null;
  maxAge: number | null;
  eligibilityNote: Localized | null;
  requirements: RequirementDTO[];
};

export function serviceName(service: Pick<Service, "name" | "nameEn">, locale: Locale): string {
  return locale === "en" && service.nameEn ? service.nameEn : service.name;
}

/** Active services of an office, in the office's order, with requirements and their forms. */
export async function listServices({ office }: { office: Office }, options: CommandOptions = {}): Promise<ServiceDTO[]> {
  const { locale } = withDefaults(options);
  const db = await getDb();
  const rows = await db
    .select()
    .from(services)
    .where(and(eq(services.officeId, office.id), eq(services.isActive, true)))
    .orderBy(asc(services.position), asc(services.name));
  return attachRequirements(db, rows, locale);
}

/** An active service of the office with its requirements, or null for an unknown slug (a page then 404s). */
export async function findServiceDTO({ office, slug }: { office: Office; slug: string }, options: CommandOptions = {}): Promise<ServiceDTO | null> {
  const { locale } = withDefaults(options);
  const db = await getDb();
  const service = await findService(office, slug, db);
  if (!service) return null;
  const [dto] = await attachRequirements(db, [service], locale);
  return dto!;
}

/** An active service of the office, or null. Outside a transaction from the read cache. */
export async function findService(office: Office, slug: string, executor?: Executor): Promise<Service | null> {
  const db = await getDb();
  const load = async () => {
    const [row] = await (executor ?? db)
      .select()
      .from(services)
      .where(and(eq(services.officeId, office.id), eq(services.slug, slug), eq(services.isActive, true)));
    return row ?? null;
  };
  return executor && executor !== db ? load() : cachedRead("settings", `service:${office.id}:${slug}`, load);
}

/** An active service named by an input field (a form, the API): unknown is a 422 on the `service` field. */
export async function requireService(office: Office, slug: string, executor?: Executor): Promise<Service> {
  const service = await findService(office, slug, executor);
  if (!service) throw new AppError("validation", "error.validation", { fields: { service: ["field.service.unknown"] } });
  return service;
}

async function attachRequirements(db: Executor, rows: Service[], locale: Locale): Promise<ServiceDTO[]> {
  if (rows.length === 0) return [];
  const requirementRows = await db
    .select()
    .from(serviceRequirements)
    .where(inArray(serviceRequirements.serviceId, rows.map((s) => s.id)))
    .orderBy(asc(serviceRequirements.position));
  const formRows =
    requirementRows.length === 0
      ? []
      : await db
          .select({
            requirementId: requirementForms.requirementId,
            slug: forms.slug,
            name: forms.name,
            nameEn: forms.nameEn,
            url: forms.url,
            hasFile: sql<boolean>`${forms.fileName} is not null`,
            officeSlug: offices.slug,
            description: forms.description,
            descriptionEn: forms.descriptionEn,
          })
          .from(requirementForms)
          .innerJoin(forms, eq(forms.id, requirementForms.formId))
          .innerJoin(offices, eq(offices.id, forms.officeId))
          .where(inArray(requirementForms.requirementId, requirementRows.map((r) => r.id)));

  return rows.map((s) => ({
    slug: s.slug,
    name: localized(locale, s.name, s.nameEn),
    categoryKey: s.category,
    category: localized(locale, s.category, s.categoryEn),
    queueLetter: s.queueLetter,
    minAge: s.minAge,
    maxAge: s.maxAge,
    eligibilityNote: localizedOrNull(locale, s.eligibilityNote, s.eligibilityNoteEn),
    requirements: requirementRows
      .filter((r) => r.serviceId === s.id)
      .map((r) => ({
        text: localized(locale, r.text, r.textEn),
        kind: r.kind,
        copy: r.kind === "document" ? r.copy : null,
        copies: r.kind === "document" ? r.copies : null,
        forms: formRows
          .filter((f) => f.requirementId === r.id)
          .map((f) => ({
            slug: f.slug,
            name: localized(locale, f.name, f.nameEn),
            url: f.hasFile || !f.url ? formFilePath(f.officeSlug, f.slug) : f.url,
            description: localizedOrNull(locale, f.description, f.descriptionEn),
          })),
      })),
  }));
}

/**
 * The first active service (in the office's order) with an age rule that this age meets, other than
 * `exceptId`: where to point someone refused for their age. Services without an age rule fit everyone
 * and so say nothing about where to go instead.
 */
export async function findServiceForAge(db: Executor, office: Office, age: number, exceptId: string): Promise<Service | null> {
  const rows = await db
    .select()
    .from(services)
    .where(
      and(
        eq(services.officeId, office.id),
        eq(services.isActive, true),
        ne(services.id, exceptId),
        or(isNotNull(services.minAge), isNotNull(services.maxAge)),
      ),
    )
    .orderBy(asc(services.position), asc(services.name));
  return rows.find((s) => (s.minAge === null || age >= s.minAge) && (s.maxAge === null || age <= s.maxAge)) ?? null;
}
