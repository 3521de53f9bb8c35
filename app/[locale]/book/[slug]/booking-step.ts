import "server-only";
import { notFound } from "next/navigation";
import { findPublicService } from "@/lib/dal/public-service";
import { getPageTranslator } from "@/lib/i18n/server";
import { decodePageState } from "@/lib/page-state";
import { parsePlaceParam } from "@/lib/place-path";

/**
 * What the booking's date and details steps both read from their path: the translator, the page's query
 * (its last segment), the place and the service. Anything unknown is a 404.
 */
export async function readBookingStep({ locale, slug, q }: { locale: string; slug: string; q: string }) {
  const t = getPageTranslator(locale);
  const query = decodePageState(q);
  if (!query) notFound();
  const office = parsePlaceParam(query.office);
  if (office === null) notFound();
  const service = await findPublicService({ slug, officeSlug: office }, { locale: t.locale });
  if (!service) notFound();
  return { t, query, office, service };
}
