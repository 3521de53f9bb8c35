import { PlaceChoice } from "@/components/booking/place-choice";
import { PlaceHome } from "@/components/booking/place-home";
import { listPublicPlaces } from "@/lib/dal/places";
import { listPublicOutages } from "@/lib/dal/outages";
import { getPublicHome } from "@/lib/dal/public-home";
import { getTranslator } from "@/lib/i18n/server";

/** With several public places the citizen chooses one first (/tempat/{slug}); with one, its home as before. */
export default async function HomePage() {
  const t = await getTranslator();
  const places = await listPublicPlaces();
  if (places.length > 1) return <PlaceChoice places={places} t={t} />;
  const [home, outages] = await Promise.all([getPublicHome(t.locale), listPublicOutages(undefined, t.locale)]);
  return <PlaceHome home={home} outages={outages} t={t} />;
}
