import "server-only";
import type { Localized } from "../i18n/content";
import type { Locale } from "../i18n/messages";
import { toOfficeDTO, type OfficeDTO } from "./offices";
import { requirePublicOffice } from "./places";
import { cachedRead } from "./read-cache";
import { listServices, type ServiceDTO } from "./services";
import { withDefaults, type CommandOptions } from "./command-options";

export type ServiceCategory = { name: Localized; slug: string; services: ServiceDTO[] };

type PublicHome = { office: OfficeDTO & { dailyCap: number }; categories: ServiceCategory[] };

/**
 * A place's home page: the office and its services grouped by category, in the office's order (read cache:
 * the same for everyone). Without `officeSlug`, the default office.
 */
export function getPublicHome({ officeSlug }: { officeSlug?: string }, options: CommandOptions = {}): Promise<PublicHome> {
  const { locale } = withDefaults(options);
  return cachedRead("settings", `public-home:${officeSlug ?? ""}:${locale}`, () => readPublicHome(locale, officeSlug));
}

async function readPublicHome(locale: Locale, officeSlug?: string): Promise<PublicHome> {
  const office = await requirePublicOffice(officeSlug);
  const services = await listServices({ office }, { locale });
  const categories: ServiceCategory[] = [];
  for (const service of services) {
    const slug = service.categoryKey.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    let category = categories.find((c) => c.slug === slug);
    if (!category) {
      category = { name: service.category, slug, services: [] };
      categories.push(category);
    }
    category.services.push(service);
  }
  return { office: { ...toOfficeDTO(office), dailyCap: office.dailyCap }, categories };
}
