import { PlaceChoice } from "@/components/booking/place-choice";
import { PlaceHome } from "@/components/booking/place-home";
import { listPublicPlaces } from "@/lib/dal/places";
import { listPublicOutages } from "@/lib/dal/outages";
import { getPublicHome } from "@/lib/dal/public-home";
import { getPageTranslator } from "@/lib/i18n/server";

/** Cached for everyone (see app/[locale]/layout.tsx); never more than a second behind the database. */
export const revalidate = 1;

export function generateStaticParams() {
  return [];
}

/** With several public places the citizen chooses one first (/tempat/{slug}); with one, its home as before. */
export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const t = getPageTranslator((await params).locale);
  const places = await listPublicPlaces();
  if (places.length > 1) return <PlaceChoice places={places} t={t} />;
  const [home, outages] = await Promise.all([getPublicHome({}, { locale: t.locale }), listPublicOutages({}, { locale: t.locale })]);
  return <PlaceHome home={home} outages={outages} t={t} />;
}
