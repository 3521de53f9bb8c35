import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import type { Executor } from "@/db/client";
import { offices, type Office } from "@/db/schema";
import { getDb } from "../db";
import { AppError } from "../errors";
import { cachedRead } from "./read-cache";

import { DEFAULT_OFFICE_SLUG } from "../default-office";

export { DEFAULT_OFFICE_SLUG };

export type OfficeDTO = {
  slug: string;
  name: string;
  shortName: string;
  address: string | null;
  website: string | null;
  timezone: string;
  bookingDaysAhead: number;
};

/** The office row with all its settings; internal to the data layer. */
export const findOffice = cache(async (slug: string = DEFAULT_OFFICE_SLUG, executor?: Executor): Promise<Office | null> => {
  const db = await getDb();
  const load = async () => {
    const [office] = await (executor ?? db).select().from(offices).where(eq(offices.slug, slug));
    return office ?? null;
  };
  // Inside a transaction the caller wants the row as that transaction sees it, not a cached copy.
  return executor && executor !== db ? load() : cachedRead("settings", `office:${slug}`, load);
});

export async function requireOffice(slug?: string, executor?: Executor): Promise<Office> {
  const office = await findOffice(slug ?? DEFAULT_OFFICE_SLUG, executor);
  if (!office) throw new AppError("validation", "error.validation", { fields: { office: ["field.office.unknown"] } });
  return office;
}

export async function requireOfficeById(id: string, executor?: Executor): Promise<Office> {
  const db = await getDb();
  const load = async () => {
    const [office] = await (executor ?? db).select().from(offices).where(eq(offices.id, id));
    return office ?? null;
  };
  // As findOffice: a transaction reads the row itself; everyone else shares the settings' read cache.
  const office = await (executor && executor !== db ? load() : cachedRead("settings", `office-id:${id}`, load));
  if (!office) throw new AppError("not_found", "error.pageNotFound");
  return office;
}

export function toOfficeDTO(office: Office): OfficeDTO {
  return {
    slug: office.slug,
    name: office.name,
    shortName: office.shortName,
    address: office.address,
    website: office.website,
    timezone: office.timezone,
    bookingDaysAhead: office.bookingDaysAhead,
  };
}

export async function getOffice(slug?: string): Promise<OfficeDTO> {
  return toOfficeDTO(await requireOffice(slug));
}
