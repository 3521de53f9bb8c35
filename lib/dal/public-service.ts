import "server-only";
import type { Locale } from "../i18n/messages";
import { isDocument } from "../requirements";
import { findPublicOffice } from "./places";
import { cachedRead } from "./read-cache";
import { findServiceDTO, type ServiceDTO } from "./services";
import { withDefaults, type CommandOptions } from "./command-options";

/**
 * An active service of a public place (the default office without `officeSlug`), or null for an unknown
 * slug or place (the page then 404s).
 */
export function findPublicService({ slug, officeSlug }: { slug: string; officeSlug?: string }, options: CommandOptions = {}): Promise<ServiceDTO | null> {
  const { locale } = withDefaults(options);
  // The same for everyone: from the read cache.
  return cachedRead("settings", `public-service:${officeSlug ?? ""}:${slug}:${locale}`, () => readPublicService(slug, locale, officeSlug));
}

async function readPublicService(slug: string, locale: Locale, officeSlug?: string): Promise<ServiceDTO | null> {
  // An unknown or hidden place is a 404 like an unknown service.
  const office = await findPublicOffice(officeSlug);
  return office ? findServiceDTO({ office, slug }, { locale }) : null;
}

/**
 * Every document ticked as prepared? `ready` holds the ticked indexes from the checklist form; conditions
 * and notes are shown, not ticked, so they are not asked for.
 */
export function isChecklistComplete(service: ServiceDTO, ready: string | string[] | undefined): boolean {
  const ticked = new Set(Array.isArray(ready) ? ready : ready ? [ready] : []);
  return service.requirements.every((r, i) => !isDocument(r) || ticked.has(String(i)));
}

/** The documents ticked so far (their indexes, in order), to tick again when the checklist is sent back. */
export function tickedDocuments(service: ServiceDTO, ready: string | string[] | undefined): string[] {
  const ticked = new Set(Array.isArray(ready) ? ready : ready ? [ready] : []);
  return service.requirements.flatMap((r, i) => (isDocument(r) && ticked.has(String(i)) ? [String(i)] : []));
}
