import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { PlaceDTO } from "@/lib/dal/places";
import { placeName } from "@/lib/place-path";
import type { Translator } from "@/lib/i18n/translate";

/**
 * The first step when the office serves at several places: each with its address and a plain link to a
 * map (no embedded map: nothing heavy on a cheap phone, nothing sent to a map provider until asked).
 */
export function PlaceChoice({ places, t }: { places: PlaceDTO[]; t: Translator }) {
  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold leading-tight">{t("places.title")}</h1>
        <p className="text-lg">{t("places.intro")}</p>
      </section>
      <ul className="space-y-4">
        {places.map((place) => (
          <li key={place.slug}>
            <Card aria-labelledby={`place-${place.slug}`} className="space-y-2">
              <h2 id={`place-${place.slug}`} className="text-xl font-bold">
                {placeName(place, t.locale)}
              </h2>
              {place.isMain ? <p className="text-sm font-semibold text-muted">{t("places.main")}</p> : null}
              {place.isTraining ? <p className="font-semibold text-red-800">{t("places.training")}</p> : null}
              {place.address ? <p>{place.address}</p> : null}
              {place.mapUrl ? (
                <p>
                  <a href={place.mapUrl} rel="noopener noreferrer" className="inline-flex min-h-12 items-center">
                    {t("places.map", { place: place.shortName })}
                  </a>
                </p>
              ) : null}
              <ButtonLink href={`/tempat/${place.slug}`}>{t("places.choose", { place: place.shortName })}</ButtonLink>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
