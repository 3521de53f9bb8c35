import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlaceHome } from "@/components/booking/place-home";
import { listPublicPlaces } from "@/lib/dal/places";
import { listPublicOutages } from "@/lib/dal/outages";
import { getPublicHome } from "@/lib/dal/public-home";
import { getTranslator } from "@/lib/i18n/server";

type Props = { params: Promise<{ place: string }> };

async function findPlace(slug: string) {
  return (await listPublicPlaces()).find((p) => p.slug === slug) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const place = await findPlace((await params).place);
  return { title: place?.shortName ?? (await getTranslator())("error.pageNotFound") };
}

/** The chosen place's home: its services, every link carrying the place. A hidden or unknown place: 404. */
export default async function PlacePage({ params }: Props) {
  const [{ place: slug }, t] = await Promise.all([params, getTranslator()]);
  const place = await findPlace(slug);
  if (!place) notFound();
  const [home, outages] = await Promise.all([getPublicHome(t.locale, place.slug), listPublicOutages(place.slug, t.locale)]);
  return <PlaceHome home={home} outages={outages} t={t} place={{ slug: place.slug, name: place.name }} />;
}
