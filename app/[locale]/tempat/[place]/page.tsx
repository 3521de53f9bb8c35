import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlaceHome } from "@/components/booking/place-home";
import { listPublicPlaces } from "@/lib/dal/places";
import { listPublicOutages } from "@/lib/dal/outages";
import { getPublicHome } from "@/lib/dal/public-home";
import { getPageTranslator } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string; place: string }> };

/** Cached for everyone (see app/[locale]/layout.tsx); never more than a second behind the database. */
export const revalidate = 1;

export function generateStaticParams() {
  return [];
}

async function findPlace(slug: string) {
  return (await listPublicPlaces()).find((p) => p.slug === slug) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, place: slug } = await params;
  const place = await findPlace(slug);
  return { title: place?.shortName ?? getPageTranslator(locale)("error.pageNotFound") };
}

/** The chosen place's home: its services, every link carrying the place. A hidden or unknown place: 404. */
export default async function PlacePage({ params }: Props) {
  const { locale, place: slug } = await params;
  const t = getPageTranslator(locale);
  const place = await findPlace(slug);
  if (!place) notFound();
  const [home, outages] = await Promise.all([getPublicHome({ officeSlug: place.slug }, { locale: t.locale }), listPublicOutages({ officeSlug: place.slug }, { locale: t.locale })]);
  return <PlaceHome home={home} outages={outages} t={t} place={{ slug: place.slug, name: place.name }} />;
}
