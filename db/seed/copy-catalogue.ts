import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { forms, requirementForms, serviceRequirements, services } from "../schema";

/**
 * Copies an office's forms, services (all, or those of the given categories), requirements and their form
 * links to another office, row by row; returns the new services' ids by queue letter.
 */
export async function copyCatalogue(tx: Executor, sourceId: string, officeId: string, categories?: readonly string[]): Promise<Map<string, string[]>> {
  const sourceForms = await tx.select().from(forms).where(eq(forms.officeId, sourceId));
  const formIds = new Map<string, string>();
  for (const { id, ...form } of sourceForms) {
    const [row] = await tx.insert(forms).values({ ...form, officeId }).returning({ id: forms.id });
    formIds.set(id, row!.id);
  }
  const sourceServices = (await tx.select().from(services).where(eq(services.officeId, sourceId))).filter(
    (s) => !categories || categories.includes(s.category),
  );
  const byLetter = new Map<string, string[]>();
  for (const { id, createdAt: _c, updatedAt: _u, ...service } of sourceServices) {
    const [row] = await tx.insert(services).values({ ...service, officeId }).returning({ id: services.id });
    byLetter.set(service.queueLetter, [...(byLetter.get(service.queueLetter) ?? []), row!.id]);
    const requirements = await tx.select().from(serviceRequirements).where(eq(serviceRequirements.serviceId, id));
    for (const { id: requirementId, ...requirement } of requirements) {
      const [copy] = await tx.insert(serviceRequirements).values({ ...requirement, serviceId: row!.id }).returning({ id: serviceRequirements.id });
      const links = await tx.select().from(requirementForms).where(inArray(requirementForms.requirementId, [requirementId]));
      const copies = links.flatMap((l) => (formIds.has(l.formId) ? [{ requirementId: copy!.id, formId: formIds.get(l.formId)! }] : []));
      if (copies.length > 0) await tx.insert(requirementForms).values(copies);
    }
  }
  return byLetter;
}
