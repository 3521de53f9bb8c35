import "server-only";
import type { Locale } from "../i18n/messages";
import { isDocument } from "../requirements";
import { requireOffice } from "./offices";
import { cachedRead } from "./read-cache";
import { findServiceDTO, type ServiceDTO } from "./services";

/** An active service of the public office, or null for an unknown slug (the page then 404s). */
export function findPublicService(slug: string, locale: Locale): Promise<ServiceDTO | null> {
  // The same for everyone: from the read cache.
  return cachedRead("settings", `public-service:${slug}:${locale}`, () => readPublicService(slug, locale));
}

async function readPublicService(slug: string, locale: Locale): Promise<ServiceDTO | null> {
  return findServiceDTO(await requireOffice(), slug, locale);
}

/**
 * Every document ticked as prepared? `ready` holds the ticked indexes from the checklist form; conditions
 * and notes are shown, not ticked, so they are not asked for.
 */
export function isChecklistComplete(service: ServiceDTO, ready: string | string[] | undefined): boolean {
  const ticked = new Set(Array.isArray(ready) ? ready : ready ? [ready] : []);
  return service.requirements.every((r, i) => !isDocument(r) || ticked.has(String(i)));
}
