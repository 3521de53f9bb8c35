import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { forms, requirementForms, serviceRequirements, services, type Office, type Service } from "@/db/schema";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { Locale } from "../i18n/messages";

export type FormDTO = { slug: string; name: string; url: string; description: string | null };
export type RequirementDTO = { text: string; forms: FormDTO[] };
export type ServiceDTO = {
  slug: string;
  name: string;
  category: string;
  queueLetter: string;
  minAge: number | null;
  maxAge: number | null;
  eligibilityNote: string | null;
  requirements: RequirementDTO[];
};

export function serviceName(service: Pick<Service, "name" | "nameEn">, locale: Locale): string {
  return locale === "en" && service.nameEn ? service.nameEn : service.name;
}

/** Active services of an office, in the office's order, with requirements and their forms. */
export async function listServices(office: Office, locale: Locale, executor?: Executor): Promise<ServiceDTO[]> {
  const db = executor ?? (await getDb());
  const rows = await db
    .select()
    .from(services)
    .where(and(eq(services.officeId, office.id), eq(services.isActive, true)))
    .orderBy(asc(services.position), asc(services.name));
  return attachRequirements(db, rows, locale);
}

export async function getServiceDTO(office: Office, slug: string, locale: Locale): Promise<ServiceDTO> {
  const db = await getDb();
  const service = await requireService(office, slug, db);
  const [dto] = await attachRequirements(db, [service], locale);
  return dto!;
}

/** An active service of the office, or a 422 naming the `service` field. */
export async function requireService(office: Office, slug: string, executor?: Executor): Promise<Service> {
  const db = executor ?? (await getDb());
  const [service] = await db
    .select()
    .from(services)
    .where(and(eq(services.officeId, office.id), eq(services.slug, slug), eq(services.isActive, true)));
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
          .select({ requirementId: requirementForms.requirementId, slug: forms.slug, name: forms.name, url: forms.url, description: forms.description })
          .from(requirementForms)
          .innerJoin(forms, eq(forms.id, requirementForms.formId))
          .where(inArray(requirementForms.requirementId, requirementRows.map((r) => r.id)));

  return rows.map((s) => ({
    slug: s.slug,
    name: serviceName(s, locale),
    category: s.category,
    queueLetter: s.queueLetter,
    minAge: s.minAge,
    maxAge: s.maxAge,
    eligibilityNote: s.eligibilityNote,
    requirements: requirementRows
      .filter((r) => r.serviceId === s.id)
      .map((r) => ({
        text: locale === "en" && r.textEn ? r.textEn : r.text,
        forms: formRows.filter((f) => f.requirementId === r.id).map(({ slug, name, url, description }) => ({ slug, name, url, description })),
      })),
  }));
}
